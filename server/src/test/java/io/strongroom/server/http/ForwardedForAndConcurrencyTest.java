package io.strongroom.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.server.config.Setting;
import io.strongroom.server.lifecycle.StrongroomServer;
import io.strongroom.server.testsupport.FakeAuthenticator;
import io.strongroom.server.testsupport.FakeComponents;
import io.strongroom.server.testsupport.Http;
import io.strongroom.server.testsupport.TestConfigs;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API port behind a trusted proxy (the test client, on loopback) and with room for one request at a time. */
class ForwardedForAndConcurrencyTest {

    @TempDir
    Path dataDir;

    private final FakeComponents components = new FakeComponents();
    private StrongroomServer server;

    @BeforeEach
    void start() throws Exception {
        server = new StrongroomServer(TestConfigs.dev(dataDir, Map.of(Setting.TRUSTED_PROXIES, "127.0.0.0/8",
                Setting.MAX_CONCURRENT_REQUESTS, "1")), config -> components);
        server.start();
    }

    @AfterEach
    void stop() {
        components.iam.releaseSlow();
        server.close();
    }

    private URI api(String pathAndQuery) {
        return URI.create(server.apiEndpoint() + pathAndQuery);
    }

    @Test
    void aTrustedProxysForwardedAddressBecomesTheSourceIp() throws Exception {
        HttpResponse<String> response = Http.send(Http.signed(api("/?Action=ListUsers"), FakeAuthenticator.GOOD_KEY, "iam")
                .header("X-Forwarded-For", "192.0.2.1, 203.0.113.7").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(components.iam.calls().poll().sourceIp()).isEqualTo("203.0.113.7");
    }

    @Test
    void aNonAddressInTheHeaderIsA400InTheServicesShapeAndReachesNoService() throws Exception {
        HttpResponse<String> response = Http.send(Http.signed(api("/?Action=ListUsers"), FakeAuthenticator.GOOD_KEY, "iam")
                .header("X-Forwarded-For", "unknown").GET().build());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("<Error service=\"iam\">").contains("<Code>InvalidParameterValue</Code>");
        assertThat(response.headers().firstValue("x-amz-request-id")).isPresent();
        assertThat(components.iam.calls()).isEmpty();
    }

    @Test
    void overTheConcurrencyLimitARequestWaitsThenGets503InItsServicesShape() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return Http.send(Http.signed(api("/?Action=Slow"), FakeAuthenticator.GOOD_KEY, "iam").GET().build());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(components.iam.awaitSlowStarted()).isTrue();

        HttpResponse<String> turnedAway = Http.send(Http.signed(api("/?Action=ListUsers"), FakeAuthenticator.GOOD_KEY,
                "iam").GET().build());
        assertThat(turnedAway.statusCode()).isEqualTo(503);
        assertThat(turnedAway.body()).startsWith("<Error service=\"iam\">").contains("<Code>ServiceUnavailable</Code>");
        assertThat(turnedAway.headers().firstValue("x-amz-request-id")).isPresent();

        components.iam.releaseSlow();
        assertThat(slow.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        HttpResponse<String> afterwards = Http.send(Http.signed(api("/?Action=ListUsers"), FakeAuthenticator.GOOD_KEY,
                "iam").GET().build());
        assertThat(afterwards.statusCode()).isEqualTo(200);
        assertThat(components.iam.calls()).hasSize(2); // Slow and the last ListUsers; the 503 reached no service
    }
}
