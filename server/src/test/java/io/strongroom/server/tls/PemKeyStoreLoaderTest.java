package io.strongroom.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.strongroom.server.config.ConfigurationException;
import io.strongroom.server.config.Setting;
import io.strongroom.server.lifecycle.StrongroomServer;
import io.strongroom.server.testsupport.FakeAuthenticator;
import io.strongroom.server.testsupport.FakeComponents;
import io.strongroom.server.testsupport.TestConfigs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates made by the openssl command line; skipped with a notice where it is missing. */
class PemKeyStoreLoaderTest {

    @TempDir
    static Path dir;

    static Path rsaCert;
    static Path rsaKey;
    static Path ecCert;
    static Path ecKey;

    @BeforeAll
    static void generate() throws Exception {
        boolean openssl = run(List.of("openssl", "version"));
        if (!openssl) {
            System.err.println("NOTICE: openssl is not installed; skipping the TLS tests");
        }
        assumeTrue(openssl, "openssl is not installed");
        rsaCert = dir.resolve("rsa-cert.pem");
        rsaKey = dir.resolve("rsa-key.pem");
        ecCert = dir.resolve("ec-cert.pem");
        ecKey = dir.resolve("ec-key.pem");
        require(run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", rsaKey.toString(), "-out", rsaCert.toString())));
        require(run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", ecKey.toString(), "-out", ecCert.toString())));
    }

    private static void require(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("openssl failed to make a test certificate");
        }
    }

    private static boolean run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void loadsRsaAndEcPkcs8Keys() throws Exception {
        for (Path[] pair : new Path[][] {{rsaCert, rsaKey}, {ecCert, ecKey}}) {
            PemKeyStoreLoader.TlsKeyStore store = PemKeyStoreLoader.load(pair[0], pair[1]);
            assertThat(store.keyStore().isKeyEntry(PemKeyStoreLoader.ALIAS)).isTrue();
            assertThat(store.keyStore().getCertificateChain(PemKeyStoreLoader.ALIAS)).hasSize(1);
            assertThat(store.toString()).doesNotContain(new String(store.keyPassword()));
        }
    }

    @Test
    void refusesATraditionalRsaKeyWithTheConversionCommand() throws Exception {
        Path pkcs1 = dir.resolve("rsa-pkcs1.pem");
        require(run(List.of("openssl", "rsa", "-in", rsaKey.toString(), "-out", pkcs1.toString(), "-traditional")));
        assertThat(Files.readString(pkcs1)).contains("BEGIN RSA PRIVATE KEY");
        assertThatThrownBy(() -> PemKeyStoreLoader.load(rsaCert, pkcs1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Setting tls-key")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void refusesAKeyThatDoesNotBelongToTheCertificate() {
        assertThatThrownBy(() -> PemKeyStoreLoader.load(rsaCert, ecKey))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("does not belong to the first certificate");
    }

    @Test
    void refusesFilesThatAreNotPem() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a pem file");
        assertThatThrownBy(() -> PemKeyStoreLoader.load(garbage, rsaKey))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("Setting tls-certificate");
        assertThatThrownBy(() -> PemKeyStoreLoader.load(rsaCert, garbage))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("BEGIN PRIVATE KEY");
        assertThatThrownBy(() -> PemKeyStoreLoader.load(rsaCert, dir.resolve("missing.pem")))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("Setting tls-key: cannot read");
    }

    @Test
    void theApiPortSpeaksTls12AndUpOnly() throws Exception {
        FakeComponents components = new FakeComponents();
        var config = TestConfigs.dev(dir.resolve("data"), Map.of(
                Setting.TLS_CERTIFICATE, rsaCert.toString(), Setting.TLS_KEY, rsaKey.toString()));
        try (StrongroomServer server = new StrongroomServer(config, c -> components)) {
            server.start();
            assertThat(server.apiEndpoint().getScheme()).isEqualTo("https");
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(rsaCert)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.apiEndpoint() + "/?Action=ListUsers"))
                    .header("Authorization", FakeAuthenticator.authorization(FakeAuthenticator.GOOD_KEY, "us-east-1", "iam"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(components.iam.calls().poll().secureTransport()).isTrue();
            String record = components.records().getLast().eventJson();
            assertThat(record).contains("\"tlsDetails\":{\"cipherSuite\":\"TLS_")
                    .containsPattern("\"tlsVersion\":\"TLSv1\\.[23]\"")
                    .contains("\"clientProvidedHostHeader\":\"" + server.apiEndpoint().getAuthority() + "\"");

            SSLParameters tls11 = new SSLParameters();
            tls11.setProtocols(new String[] {"TLSv1.1"});
            HttpClient old = HttpClient.newBuilder().sslContext(trusting(rsaCert)).sslParameters(tls11).build();
            assertThatThrownBy(() -> old.send(HttpRequest.newBuilder(server.apiEndpoint()).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        }
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate))));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
