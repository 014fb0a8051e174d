package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.RootKeyProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Ed25519 key that signs audit digests. The private key lives in memory only while the
 * server runs; at rest it is wrapped by the root key with {@link #associatedData(String)} binding
 * the key id, so a wrapped key cannot be passed off under another id. The public key is exported
 * as PEM (X.509 SubjectPublicKeyInfo) for auditors.
 *
 * <p>The key id is the lower-case hex SHA-256 of the public key's SubjectPublicKeyInfo DER: a
 * verifier can see that the public key it was given is the one a digest names.
 */
public final class AuditSigningKey {
    public static final String ALGORITHM = "Ed25519";

    private final String keyId;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final StoredSigningKey stored;

    private AuditSigningKey(PrivateKey privateKey, PublicKey publicKey, StoredSigningKey stored) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.stored = stored;
        this.keyId = stored.keyId();
    }

    /** Generates a key pair from a fresh {@link SecureRandom} and wraps the private key with the root key. */
    public static AuditSigningKey generate(RootKeyProvider rootKey, Instant created) {
        requireNonNull(rootKey, "rootKey");
        requireNonNull(created, "created");
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom());
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has Ed25519", e);
        }
        String keyId = keyIdOf(pair.getPublic());
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        try {
            byte[] wrapped = rootKey.wrap(pkcs8, associatedData(keyId));
            StoredSigningKey stored = new StoredSigningKey(keyId, wrapped, pair.getPublic().getEncoded(), created);
            return new AuditSigningKey(pair.getPrivate(), pair.getPublic(), stored);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * Unwraps a stored key. Throws {@link io.strongroom.core.spi.RootKeyException} when the wrapped
     * key is not authentic for its id, and IllegalStateException when the stored public key does not
     * belong to the id or to the private key.
     */
    public static AuditSigningKey unwrap(StoredSigningKey stored, RootKeyProvider rootKey) {
        requireNonNull(stored, "stored");
        PublicKey publicKey = publicKeyFromDer(stored.publicKey());
        if (!keyIdOf(publicKey).equals(stored.keyId())) {
            throw new IllegalStateException("audit signing key " + stored.keyId() + ": the stored public key has another id");
        }
        byte[] pkcs8 = rootKey.unwrap(stored.wrappedPrivateKey(), associatedData(stored.keyId()));
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("audit signing key " + stored.keyId() + " is not an Ed25519 private key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        AuditSigningKey key = new AuditSigningKey(privateKey, publicKey, stored);
        byte[] probe = ("strongroom audit signing key check " + stored.keyId()).getBytes(StandardCharsets.UTF_8);
        if (!verify(publicKey, probe, key.sign(probe))) {
            throw new IllegalStateException("audit signing key " + stored.keyId() + ": the private key does not match the public key");
        }
        return key;
    }

    /** The associated data the private key is wrapped with: {@code strongroom:audit-signing-key:<keyId>}. */
    public static byte[] associatedData(String keyId) {
        return ("strongroom:audit-signing-key:" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    /** The lower-case hex SHA-256 of the key's SubjectPublicKeyInfo DER. */
    public static String keyIdOf(PublicKey publicKey) {
        return HexFormat.of().formatHex(HashChain.sha256().digest(publicKey.getEncoded()));
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The key as stored: wrapped private key, public key, id, creation time. */
    public StoredSigningKey stored() {
        return stored;
    }

    /** The Ed25519 signature of {@code data} (64 bytes). */
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** True when {@code signature} is a valid Ed25519 signature of {@code data} by {@code publicKey}. */
    public static boolean verify(PublicKey publicKey, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false; // not an Ed25519 key, or a signature of the wrong shape
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has Ed25519", e);
        }
    }

    /** The public key as PEM: {@code -----BEGIN PUBLIC KEY-----}, base64 of the SubjectPublicKeyInfo DER. */
    public String publicKeyPem() {
        return publicKeyPem(publicKey);
    }

    public static String publicKeyPem(PublicKey publicKey) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(publicKey.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** Reads an Ed25519 public key from PEM; throws IllegalArgumentException for anything else. */
    public static PublicKey publicKeyFromPem(String pem) {
        String text = pem.strip();
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        if (!text.startsWith(begin) || !text.endsWith(end)) {
            throw new IllegalArgumentException("not a PEM public key (BEGIN PUBLIC KEY)");
        }
        String body = text.substring(begin.length(), text.length() - end.length()).replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM body is not base64", e);
        }
        return publicKeyFromDer(der);
    }

    /** Reads an Ed25519 public key from SubjectPublicKeyInfo DER; throws IllegalArgumentException otherwise. */
    public static PublicKey publicKeyFromDer(byte[] der) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            if (!MessageDigest.isEqual(key.getEncoded(), der)) {
                throw new IllegalArgumentException("not a canonical Ed25519 public key");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    @Override
    public String toString() {
        return "AuditSigningKey[" + keyId + "]";
    }
}
