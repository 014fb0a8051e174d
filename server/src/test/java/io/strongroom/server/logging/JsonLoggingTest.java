package io.strongroom.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.server.lifecycle.StrongroomServer;
import io.strongroom.server.testsupport.FakeAuthenticator;
import io.strongroom.server.testsupport.FakeComponents;
import io.strongroom.server.testsupport.Http;
import io.strongroom.server.testsupport.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLoggingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @TempDir
    Path dataDir;

    @AfterEach
    void restore() throws Exception {
        LogManager.getLogManager().readConfiguration();
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line)); // every line must parse as one JSON object
            }
        }
        return lines;
    }

    @Test
    void everyLineIsAJsonObjectAndRequestLinesCarryTheRequestId() throws Exception {
        JsonLogging.install(captured);
        FakeComponents components = new FakeComponents();
        String requestId;
        try (StrongroomServer server = new StrongroomServer(TestConfigs.dev(dataDir), config -> components)) {
            server.start();
            URI uri = URI.create(server.apiEndpoint()
                    + "/?Action=ListUsers&X-Amz-Signature=deadbeef&X-Amz-Security-Token=tokentoken");
            HttpResponse<String> response = Http.send(Http.signed(uri, FakeAuthenticator.GOOD_KEY, "iam").GET().build());
            requestId = response.headers().firstValue("x-amz-request-id").orElseThrow();
            Http.send(Http.signed(URI.create(server.apiEndpoint() + "/?Action=Boom"), FakeAuthenticator.GOOD_KEY, "iam")
                    .GET().build());
        }
        List<JsonNode> lines = lines();
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.isObject()).isTrue();
            assertThat(line.hasNonNull("timestamp")).isTrue();
            assertThat(line.hasNonNull("level")).isTrue();
            assertThat(line.hasNonNull("logger")).isTrue();
            assertThat(line.has("message")).isTrue();
        });
        JsonNode access = lines.stream()
                .filter(line -> line.get("logger").asText().equals("io.strongroom.access"))
                .filter(line -> requestId.equals(line.path("requestId").asText()))
                .findFirst().orElseThrow();
        assertThat(access.get("service").asText()).isEqualTo("iam");
        assertThat(access.get("operation").asText()).isEqualTo("ListUsers");
        assertThat(access.get("status").asInt()).isEqualTo(200);
        assertThat(access.get("durationMs").isIntegralNumber()).isTrue();
        assertThat(access.get("principalArn").asText()).isEqualTo(FakeAuthenticator.ALICE_ARN);
        assertThat(access.get("sourceIp").asText()).isEqualTo("127.0.0.1");

        JsonNode failure = lines.stream().filter(line -> line.get("level").asText().equals("ERROR")).findFirst().orElseThrow();
        assertThat(failure.get("requestId").asText()).isNotBlank();
        assertThat(failure.get("exception").asText()).isEqualTo("java.lang.IllegalStateException");

        String all = captured.toString(StandardCharsets.UTF_8);
        assertThat(all).doesNotContain("deadbeef").doesNotContain("tokentoken").doesNotContain("Signature=0000")
                .doesNotContain("AWS4-HMAC-SHA256");
        assertThat(lines).anySatisfy(line -> assertThat(line.get("message").asText()).isEqualTo("Strongroom is ready"));
    }

    @Test
    void everyServerSideFailureIsLoggedOnceAsAnErrorWithItsCauseAndRequestId() throws Exception {
        JsonLogging.install(captured);
        FakeComponents components = new FakeComponents();
        String faultId;
        String boomId;
        String deniedId;
        try (StrongroomServer server = new StrongroomServer(TestConfigs.dev(dataDir), config -> components)) {
            server.start();
            faultId = requestId(Http.send(Http.signed(URI.create(server.apiEndpoint() + "/?Action=Fault"),
                    FakeAuthenticator.GOOD_KEY, "iam").GET().build()));
            boomId = requestId(Http.send(Http.signed(URI.create(server.apiEndpoint() + "/?Action=Boom"),
                    FakeAuthenticator.GOOD_KEY, "iam").GET().build()));
            deniedId = requestId(Http.send(Http.signed(URI.create(server.apiEndpoint() + "/?Action=Denied"),
                    FakeAuthenticator.GOOD_KEY, "iam").GET().build()));
        }
        List<JsonNode> errors = lines().stream().filter(line -> line.get("level").asText().equals("ERROR")).toList();
        assertThat(errors).hasSize(2);
        JsonNode fault = errors.stream().filter(line -> faultId.equals(line.path("requestId").asText())).findFirst()
                .orElseThrow();
        assertThat(fault.get("exception").asText()).isEqualTo("java.io.UncheckedIOException"); // the cause, not the wrapper
        assertThat(fault.get("exceptionMessage").asText()).contains("disk full");
        assertThat(fault.get("errorCode").asText()).isEqualTo("ServiceFailure");
        assertThat(fault.get("status").asInt()).isEqualTo(500);
        assertThat(fault.get("service").asText()).isEqualTo("iam");
        JsonNode boom = errors.stream().filter(line -> boomId.equals(line.path("requestId").asText())).findFirst()
                .orElseThrow();
        assertThat(boom.get("exception").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(errors).noneMatch(line -> deniedId.equals(line.path("requestId").asText())); // a client fault
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("x-amz-request-id").orElseThrow();
    }

    @Test
    void outsideARequestThereIsNoRequestIdAndQuotesAreEscaped() throws Exception {
        JsonLogging.install(captured);
        Logger.getLogger("test").log(Level.WARNING, "a \"quoted\"\nmessage");
        JsonNode line = lines().get(0);
        assertThat(line.has("requestId")).isFalse();
        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("message").asText()).isEqualTo("a \"quoted\"\nmessage");
    }

    @Test
    void jettyLogsThroughSlf4jArriveAsJson() throws Exception {
        JsonLogging.install(captured);
        org.slf4j.LoggerFactory.getLogger("org.eclipse.jetty.test").warn("from jetty {}", 42);
        JsonNode line = lines().get(0);
        assertThat(line.get("logger").asText()).isEqualTo("org.eclipse.jetty.test");
        assertThat(line.get("message").asText()).isEqualTo("from jetty 42");
    }

    @Test
    void jettyDebugOutputNeverLeavesTheProcessEvenWhenAnOperatorAsksForIt() throws Exception {
        JsonLogging.install(captured);
        Logger parser = Logger.getLogger("org.eclipse.jetty.http.HttpParser");
        parser.setLevel(Level.ALL);
        parser.fine("X-Amz-Security-Token: secret-session-token");
        Logger.getLogger("io.strongroom.test").fine("our own debug line");
        Logger.getLogger("io.strongroom.test").info("our own info line");
        parser.warning("a jetty warning");

        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("secret-session-token");
        assertThat(lines()).extracting(line -> line.get("message").asText())
                .containsExactly("our own info line", "a jetty warning");
    }
}
