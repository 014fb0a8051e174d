package io.strongroom.audit.export;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Self-signed certificates made with the JDK's keytool, for TLS receivers in tests. */
final class TestCertificates {
    static final String PASSWORD = "changeit";

    private TestCertificates() {
    }

    /**
     * Makes {@code <name>.p12} (an EC key and a certificate with the subject alternative names, for
     * example {@code dns:localhost,ip:127.0.0.1}) and {@code <name>.pem} (the certificate alone).
     */
    static void make(Path directory, String name, String subjectAlternativeNames) throws Exception {
        keytool(List.of("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name, "-ext", "san=" + subjectAlternativeNames, "-validity", "2",
                "-keystore", directory.resolve(name + ".p12").toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        keytool(List.of("-exportcert", "-alias", name, "-rfc", "-keystore", directory.resolve(name + ".p12").toString(),
                "-storepass", PASSWORD, "-file", directory.resolve(name + ".pem").toString()));
    }

    /** Imports a certificate into a PKCS#12 trust store with the given password. */
    static void importInto(Path trustStore, String storePassword, Path certificate, String alias) throws Exception {
        keytool(List.of("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", storePassword));
    }

    /** A server-side context presenting the key of {@code <name>.p12}. */
    static SSLContext serverContext(Path directory, String name) throws Exception {
        KeyStore keys = KeyStore.getInstance(directory.resolve(name + ".p12").toFile(), PASSWORD.toCharArray());
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
