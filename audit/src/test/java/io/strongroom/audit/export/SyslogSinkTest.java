package io.strongroom.audit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.StoredAuditRecord;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogSinkTest {
    private static final Instant T = Instant.parse("2025-03-04T05:06:07Z");
    private static final Pattern RFC_5424 = Pattern.compile("<110>1 (\\S+) node-1 strongroom ([0-9]+) (\\S+)"
            + " \\[strongroom@32473 sequence=\"([0-9]+)\" hash=\"([0-9a-f]{64})\" previousHash=\"([0-9a-f]{64})\""
            + " eventID=\"([^\"]*)\"] \uFEFF(.*)", Pattern.DOTALL);

    @TempDir
    static Path certificates;

    @BeforeAll
    static void makeCertificates() throws Exception {
        TestCertificates.make(certificates, "receiver", "ip:127.0.0.1,dns:localhost");
        TestCertificates.make(certificates, "elsewhere", "dns:elsewhere.example");
        TestCertificates.importInto(certificates.resolve("trust.p12"), "trustpass",
                certificates.resolve("receiver.pem"), "receiver");
    }

    @Test
    void eachRecordIsOneOctetCountedRfc5424Message() throws Exception {
        List<StoredAuditRecord> records = TestRecords.chain(T, T.plusMillis(1500), T.plusSeconds(2));
        try (SyslogReceiver receiver = new SyslogReceiver();
             SyslogSink sink = new SyslogSink("syslog", "127.0.0.1", receiver.port(), Optional.empty(), "node-1")) {
            sink.deliver(records.subList(0, 2));
            sink.deliver(records.subList(2, 3));
            Eventually.await("three messages", () -> receiver.messages.size() == 3);

            assertThat(receiver.errors).isEmpty();
            assertThat(receiver.connections.get()).isEqualTo(1);
            for (int i = 0; i < 3; i++) {
                StoredAuditRecord record = records.get(i);
                Matcher message = RFC_5424.matcher(receiver.messages.get(i));
                assertThat(message.matches()).as(receiver.messages.get(i)).isTrue();
                assertThat(message.group(2)).isEqualTo(Long.toString(ProcessHandle.current().pid()));
                assertThat(message.group(3)).isEqualTo("GetObject");
                assertThat(message.group(4)).isEqualTo(Long.toString(record.sequence()));
                assertThat(message.group(5)).isEqualTo(record.hash().hex());
                assertThat(message.group(6)).isEqualTo(record.previousHash().hex());
                assertThat(message.group(7)).isEqualTo(record.eventId());
                assertThat(message.group(8)).isEqualTo(record.eventJson());
            }
            assertThat(receiver.messages.stream().map(m -> RFC_5424.matcher(m).replaceFirst("$1")).toList())
                    .containsExactly("2025-03-04T05:06:07Z", "2025-03-04T05:06:08.500Z", "2025-03-04T05:06:09Z");
        }
    }

    @Test
    void theMessageIsUtf8AfterAByteOrderMarkAndTheCountIsInBytes() {
        StoredAuditRecord record = TestRecords.chain(T).getFirst();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new SyslogMessage("node-1", "strongroom", "7").frame(record, out);
        byte[] frame = out.toByteArray();
        String text = new String(frame, StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        int declared = Integer.parseInt(text.substring(0, space));
        assertThat(declared).isEqualTo(frame.length - space - 1);
        assertThat(record.eventJson()).contains("caf\u00e9");
        assertThat(declared).isGreaterThan(text.length() - space - 1); // é and the BOM take more bytes than chars
    }

    @Test
    void headerFieldsAndParameterValuesAreSanitised() {
        assertThat(SyslogMessage.header("Get Object\u00e9", 32)).isEqualTo("Get_Object_");
        assertThat(SyslogMessage.header("x".repeat(40), 32)).hasSize(32);
        assertThat(SyslogMessage.header("", 32)).isEqualTo("-");
        assertThat(SyslogMessage.paramValue("a\"b\\c]d")).isEqualTo("a\\\"b\\\\c\\]d");
    }

    @Test
    void aReceiverThatClosedTheConnectionIsReconnectedBeforeTheNextBatch() throws Exception {
        List<StoredAuditRecord> records = TestRecords.chain(T, T, T, T);
        try (SyslogReceiver receiver = new SyslogReceiver();
             SyslogSink sink = new SyslogSink("syslog", "127.0.0.1", receiver.port(), Optional.empty(), "node-1")) {
            sink.deliver(records.subList(0, 2));
            Eventually.await("the first batch", () -> receiver.messages.size() == 2);
            receiver.dropConnections();
            Thread.sleep(100); // the receiver's FIN arrives
            sink.deliver(records.subList(2, 4));
            Eventually.await("the second batch", () -> receiver.messages.size() == 4);
            assertThat(receiver.connections.get()).isEqualTo(2);
            assertThat(receiver.messages.stream().map(m -> RFC_5424.matcher(m).replaceFirst("$4")).toList())
                    .containsExactly("1", "2", "3", "4");
        }
    }

    @Test
    void anUnreachableReceiverFailsTheDelivery() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (SyslogSink sink = new SyslogSink("syslog", "127.0.0.1", port, Optional.empty(), "node-1")) {
            assertThatThrownBy(() -> sink.deliver(TestRecords.chain(T)))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot reach the syslog receiver 127.0.0.1:" + port + ": ");
        }
    }

    @Test
    void overTlsTheReceiversCertificateIsCheckedAndTheFramesArrive() throws Exception {
        List<StoredAuditRecord> records = TestRecords.chain(T, T);
        SSLContext trust = TrustStores.trusting(certificates.resolve("receiver.pem"), Optional.empty());
        try (SyslogReceiver receiver = new SyslogReceiver(TestCertificates.serverContext(certificates, "receiver"));
             SyslogSink sink = new SyslogSink("syslog", "127.0.0.1", receiver.port(), Optional.of(trust), "node-1")) {
            sink.deliver(records.subList(0, 1));
            Eventually.await("the first message", () -> receiver.messages.size() == 1);
            // the liveness check between batches reads nothing from a TLS connection that is open
            sink.deliver(records.subList(1, 2));
            Eventually.await("two messages", () -> receiver.messages.size() == 2);
            assertThat(receiver.connections.get()).isEqualTo(1);
            assertThat(RFC_5424.matcher(receiver.messages.get(1)).replaceFirst("$8"))
                    .isEqualTo(records.get(1).eventJson());
        }
    }

    @Test
    void aPkcs12TrustStoreWithAPasswordWorksToo() throws Exception {
        SSLContext trust = TrustStores.trusting(certificates.resolve("trust.p12"), Optional.of("trustpass".toCharArray()));
        try (SyslogReceiver receiver = new SyslogReceiver(TestCertificates.serverContext(certificates, "receiver"));
             SyslogSink sink = new SyslogSink("syslog", "127.0.0.1", receiver.port(), Optional.of(trust), "node-1")) {
            sink.deliver(TestRecords.chain(T));
            Eventually.await("the message", () -> receiver.messages.size() == 1);
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedAndNothingIsSent() throws Exception {
        SSLContext trust = TrustStores.trusting(certificates.resolve("elsewhere.pem"), Optional.empty());
        try (SyslogReceiver receiver = new SyslogReceiver(TestCertificates.serverContext(certificates, "receiver"));
             SyslogSink sink = new SyslogSink("syslog", "127.0.0.1", receiver.port(), Optional.of(trust), "node-1")) {
            assertThatThrownBy(() -> sink.deliver(TestRecords.chain(T)))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot reach the syslog receiver 127.0.0.1:" + receiver.port());
            Thread.sleep(100);
            assertThat(receiver.messages).isEmpty();
        }
    }

    @Test
    void aTrustedCertificateForAnotherNameIsRefused() throws Exception {
        SSLContext trust = TrustStores.trusting(certificates.resolve("elsewhere.pem"), Optional.empty());
        try (SyslogReceiver receiver = new SyslogReceiver(TestCertificates.serverContext(certificates, "elsewhere"));
             SyslogSink sink = new SyslogSink("syslog", "127.0.0.1", receiver.port(), Optional.of(trust), "node-1")) {
            assertThatThrownBy(() -> sink.deliver(TestRecords.chain(T)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
            Thread.sleep(100);
            assertThat(receiver.messages).isEmpty();
        }
    }

    @Test
    void aTrustStoreWithoutCertificatesIsRefused() throws Exception {
        Path empty = certificates.resolve("empty.pem");
        java.nio.file.Files.writeString(empty, "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> TrustStores.trusting(empty, Optional.empty())).isInstanceOf(IOException.class);
    }
}
