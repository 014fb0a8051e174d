package io.strongroom.audit.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The trust an export checks its receiver's certificate with: a file of PEM certificates (a CA
 * bundle) or a PKCS#12 or JKS key store. Only these certificates are trusted, not the JVM's
 * default authorities.
 */
public final class TrustStores {
    private TrustStores() {
    }

    /**
     * An SSLContext (TLS 1.2 and 1.3) that trusts the certificates of the file.
     *
     * @param password the key store's password, when it has one (never for PEM)
     */
    public static SSLContext trusting(Path file, Optional<char[]> password) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("the trust store " + file + " does not exist");
        }
        try {
            KeyStore trust = load(file, password);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the trust store " + file + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, Optional<char[]> password) throws IOException, GeneralSecurityException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(64);
        }
        if (new String(start, StandardCharsets.US_ASCII).contains("-----BEGIN")) {
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(file)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certificates.isEmpty()) {
                throw new IOException("the trust store " + file + " holds no certificate");
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("ca-" + index++, certificate);
            }
            return trust;
        }
        KeyStore trust = KeyStore.getInstance(file.toFile(), password.orElse(null));
        if (trust.size() == 0) {
            throw new IOException("the trust store " + file + " holds no certificate");
        }
        return trust;
    }
}
