package io.strongroom.server.tls;

import io.strongroom.server.config.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a PEM certificate chain and a PEM PKCS#8 private key (RSA or EC) into an in-memory key
 * store, checking that the key belongs to the first certificate. Nothing touches the disk.
 */
public final class PemKeyStoreLoader {

    static final String ALIAS = "strongroom";
    private static final Pattern PKCS8_BLOCK =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final String CONVERT_HINT =
            "convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem";

    private PemKeyStoreLoader() {
    }

    /** The key store and the random password that protects its key entry in memory. */
    public record TlsKeyStore(KeyStore keyStore, char[] keyPassword) {
        @Override
        public String toString() {
            return "TlsKeyStore[alias=" + ALIAS + "]";
        }
    }

    public static TlsKeyStore load(Path certificateFile, Path keyFile) {
        X509Certificate[] chain = readChain(certificateFile);
        PrivateKey key = readPrivateKey(keyFile);
        requireMatchingPair(key, chain[0].getPublicKey(), certificateFile, keyFile);
        try {
            char[] password = randomPassword();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain);
            return new TlsKeyStore(store, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Building the in-memory TLS key store failed", e);
        }
    }

    private static X509Certificate[] readChain(Path file) {
        byte[] pem = readFile(file, "tls-certificate");
        try {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
            if (certificates.isEmpty()) {
                throw new ConfigurationException("Setting tls-certificate: " + file + " holds no PEM certificate");
            }
            return certificates.stream().map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
        } catch (CertificateException e) {
            throw new ConfigurationException("Setting tls-certificate: " + file
                    + " is not a PEM X.509 certificate chain (" + e.getMessage() + ")");
        }
    }

    private static PrivateKey readPrivateKey(Path file) {
        byte[] bytes = readFile(file, "tls-key");
        String pem = new String(bytes, StandardCharsets.US_ASCII);
        Arrays.fill(bytes, (byte) 0);
        if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
            throw new ConfigurationException("Setting tls-key: " + file
                    + " is a traditional (PKCS#1/SEC1) key, which is not supported; " + CONVERT_HINT);
        }
        if (pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new ConfigurationException("Setting tls-key: " + file
                    + " is an encrypted key; give an unencrypted PKCS#8 key in a file only the server can read");
        }
        Matcher matcher = PKCS8_BLOCK.matcher(pem);
        if (!matcher.find()) {
            throw new ConfigurationException("Setting tls-key: " + file
                    + " holds no '-----BEGIN PRIVATE KEY-----' block; " + CONVERT_HINT);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(matcher.group(1));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Setting tls-key: " + file + " has a damaged PEM body");
        }
        try {
            for (String algorithm : new String[] {"RSA", "EC"}) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                } catch (InvalidKeySpecException e) {
                    // try the next algorithm
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("The JDK lacks " + algorithm + " key support", e);
                }
            }
        } finally {
            Arrays.fill(der, (byte) 0);
        }
        throw new ConfigurationException("Setting tls-key: " + file + " is neither an RSA nor an EC PKCS#8 key");
    }

    /** Signs a random challenge and verifies it with the certificate's key: a mismatched pair fails every handshake. */
    private static void requireMatchingPair(PrivateKey key, PublicKey publicKey, Path certificateFile, Path keyFile) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new ConfigurationException("Setting tls-key: unsupported key algorithm " + key.getAlgorithm());
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's: reported below
        }
        throw new ConfigurationException("Settings tls-key and tls-certificate: the key in " + keyFile
                + " does not belong to the first certificate in " + certificateFile);
    }

    private static byte[] readFile(Path file, String setting) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigurationException("Setting " + setting + ": cannot read " + file + " (" + e + ")");
        }
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[32];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('!' + random.nextInt(94));
        }
        return password;
    }
}
