package io.strongroom.audit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.strongroom.audit.ChainedRecord;
import io.strongroom.audit.ExportLine;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.testing.InMemoryExportCursorRepository;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSinkTest {
    private static final Instant T = Instant.parse("2025-03-04T05:06:07Z");
    private static final byte[] SECRET = "a shared secret of the receiver".getBytes(StandardCharsets.UTF_8);
    private static final String TOKEN = "s3cr3t-t0ken";

    /** One request as the receiver saw it. */
    record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(",", values);
        }
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** The status the receiver answers; 503 for the first {@link #failFirst} requests. */
    private volatile int status = 200;
    private final AtomicInteger failFirst = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/audit", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            int answer = failFirst.getAndDecrement() > 0 ? 503 : status;
            if (answer == 302) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    private URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    private WebhookSink sink(Optional<String> token, Optional<byte[]> secret) {
        return new WebhookSink("webhook", url("/audit?key=in-the-url"), token, secret, Optional.empty());
    }

    @Test
    void aBatchIsPostedAsJsonLinesWithItsSequencesBearerTokenAndSignature() throws Exception {
        List<StoredAuditRecord> records = TestRecords.chain(T, T, T);
        try (WebhookSink sink = sink(Optional.of(TOKEN), Optional.of(SECRET))) {
            sink.deliver(records);
        }
        Received request = received.getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/audit");
        assertThat(request.header("Content-type")).isEqualTo("application/x-ndjson");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.header("X-strongroom-first-sequence")).isEqualTo("1");
        assertThat(request.header("X-strongroom-last-sequence")).isEqualTo("3");
        StringBuilder expected = new StringBuilder();
        for (StoredAuditRecord record : records) {
            expected.append(ExportLine.format(new ChainedRecord(record.sequence(), record.previousHash(),
                    record.hash(), record.eventJson()))).append('\n');
        }
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());

        // the receiver's check: HMAC-SHA256 of the exact body, compared in constant time
        String signature = request.header("X-strongroom-signature");
        assertThat(signature).startsWith("sha256=");
        byte[] mac = WebhookSink.hmac(new SecretKeySpec(SECRET, "HmacSHA256"), request.body());
        assertThat(MessageDigest.isEqual(HexFormat.of().parseHex(signature.substring(7)), mac)).isTrue();
        byte[] forged = request.body().clone();
        forged[forged.length - 3] ^= 1;
        assertThat(MessageDigest.isEqual(HexFormat.of().parseHex(signature.substring(7)),
                WebhookSink.hmac(new SecretKeySpec(SECRET, "HmacSHA256"), forged))).isFalse();
    }

    @Test
    void withoutSecretsNoAuthenticationHeadersAreSent() throws Exception {
        try (WebhookSink sink = sink(Optional.empty(), Optional.empty())) {
            sink.deliver(TestRecords.chain(T));
        }
        assertThat(received.getFirst().header("Authorization")).isNull();
        assertThat(received.getFirst().header("X-strongroom-signature")).isNull();
    }

    @Test
    void anAnswerOtherThan2xxFailsWithoutNamingASecret() {
        status = 500;
        try (WebhookSink sink = sink(Optional.of(TOKEN), Optional.of(SECRET))) {
            assertThatThrownBy(() -> sink.deliver(TestRecords.chain(T)))
                    .isInstanceOf(IOException.class)
                    .hasMessage("the webhook http://127.0.0.1:" + server.getAddress().getPort()
                            + "/audit answered HTTP 500");
            status = 302;
            assertThatThrownBy(() -> sink.deliver(TestRecords.chain(T)))
                    .isInstanceOf(IOException.class).hasMessageEndingWith("answered HTTP 302");
            assertThat(sink.toString()).doesNotContain(TOKEN).doesNotContain("in-the-url")
                    .isEqualTo("WebhookSink[webhook to http://127.0.0.1:" + server.getAddress().getPort()
                            + "/audit, bearer token, signed]");
        }
        assertThat(received).hasSize(2); // the redirect was not followed
    }

    @Test
    void anUnreachableWebhookFails() throws Exception {
        server.stop(0);
        try (WebhookSink sink = sink(Optional.empty(), Optional.empty())) {
            assertThatThrownBy(() -> sink.deliver(TestRecords.chain(T)))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot post to the webhook http://127.0.0.1:");
        }
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new WebhookSink("webhook", URI.create("ftp://host/x"), Optional.empty(),
                Optional.empty(), Optional.empty())).hasMessage("a webhook URL is http://host/… or https://host/…");
        assertThatThrownBy(() -> new WebhookSink("webhook", url("/audit"), Optional.of("two words"),
                Optional.empty(), Optional.empty())).hasMessage("the bearer token must be printable ASCII without spaces");
        assertThatThrownBy(() -> new WebhookSink("webhook", url("/audit"), Optional.empty(),
                Optional.of(new byte[0]), Optional.empty())).hasMessage("the signing secret is empty");
    }

    @Test
    void throughTheExporterAWebhookThatFailsAtFirstGetsEveryRecordAtLeastOnce() throws Exception {
        TestRecords trail = new TestRecords();
        trail.append(7, T);
        failFirst.set(3);
        InMemoryExportCursorRepository cursors = new InMemoryExportCursorRepository();
        ExportOptions options = new ExportOptions(3, Duration.ofMillis(50), Duration.ofMillis(20),
                Duration.ofMillis(50), Duration.ofSeconds(5));
        try (AuditExporter exporter = new AuditExporter(trail.repository, cursors,
                List.of(sink(Optional.empty(), Optional.of(SECRET))), DeliveryFilter.EVERYTHING, options,
                Clock.systemUTC()).start()) {
            Eventually.await("every record confirmed", () -> cursors.deliveredThrough("webhook") == 7);
            assertThat(exporter.status().get("webhook").consecutiveFailures()).isZero();
        }
        List<Long> sequences = new ArrayList<>();
        for (Received request : received) {
            for (String line : new String(request.body(), StandardCharsets.UTF_8).split("\n")) {
                sequences.add(ExportLine.parse(line).sequence());
            }
        }
        assertThat(new TreeSet<>(sequences)).containsExactlyElementsOf(LongStream.rangeClosed(1, 7).boxed().toList());
        assertThat(received).hasSize(3 + 3); // three refused tries of the first batch, then three batches
        assertThat(sequences.subList(0, 9)).containsExactly(1L, 2L, 3L, 1L, 2L, 3L, 1L, 2L, 3L);
    }
}
