package io.strongroom.server.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.server.lifecycle.StrongroomServer;
import io.strongroom.server.testsupport.FakeAuthenticator;
import io.strongroom.server.testsupport.FakeComponents;
import io.strongroom.server.testsupport.Http;
import io.strongroom.server.testsupport.TestConfigs;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagementPortTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final FakeComponents components = new FakeComponents();
    private StrongroomServer server;

    @BeforeEach
    void start() throws Exception {
        server = new StrongroomServer(TestConfigs.dev(dataDir), config -> components);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI management(String path) {
        return URI.create(server.managementEndpoint() + path);
    }

    @Test
    void liveWhileRunning() throws Exception {
        HttpResponse<String> response = Http.get(management("/health/live"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void readyFollowsTheChecksAndShutdown() throws Exception {
        HttpResponse<String> ready = Http.get(management("/health/ready"));
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(ready.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("checks").get("store").asBoolean()).isTrue();

        components.storeHealthy.set(false);
        HttpResponse<String> storeDown = Http.get(management("/health/ready"));
        assertThat(storeDown.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(storeDown.body()).get("checks").get("store").asBoolean()).isFalse();
        assertThat(JSON.readTree(storeDown.body()).get("status").asText()).isEqualTo("DOWN");

        components.storeHealthy.set(true);
        assertThat(Http.get(management("/health/ready")).statusCode()).isEqualTo(200);

        server.readiness().markShuttingDown();
        HttpResponse<String> stopping = Http.get(management("/health/ready"));
        assertThat(stopping.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(stopping.body()).get("checks").get("notShuttingDown").asBoolean()).isFalse();
        assertThat(Http.get(management("/health/live")).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsCountRequestsByServiceOperationAndStatus() throws Exception {
        Http.send(Http.signed(URI.create(server.apiEndpoint() + "/?Action=ListUsers"), FakeAuthenticator.GOOD_KEY, "iam")
                .GET().build());
        Http.get(URI.create(server.apiEndpoint() + "/?Action=GetCallerIdentity"));
        HttpResponse<String> metrics = Http.get(management("/metrics"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("strongroom_requests_total{operation=\"ListUsers\",service=\"iam\",status=\"200\"} 1.0")
                .contains("strongroom_requests_total{operation=\"GetCallerIdentity\",service=\"sts\",status=\"403\"} 1.0")
                .contains("strongroom_request_duration_seconds_bucket{operation=\"ListUsers\",service=\"iam\",le=")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_gc_")
                .contains("jvm_threads_live_threads")
                .contains("jvm_classes_loaded_classes")
                .contains("system_cpu_count")
                .contains("process_uptime_seconds");
    }

    @Test
    void onlyGetAndOnlyKnownPaths() throws Exception {
        HttpResponse<String> post = Http.send(HttpRequest.newBuilder(management("/health/live"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET");
        assertThat(Http.get(management("/health")).statusCode()).isEqualTo(404);
        assertThat(Http.get(management("/")).statusCode()).isEqualTo(404);
    }
}
