package io.strongroom.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.server.testsupport.FakeAuthenticator;
import io.strongroom.server.testsupport.FakeComponents;
import io.strongroom.server.testsupport.Http;
import io.strongroom.server.testsupport.TestConfigs;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GracefulShutdownTest {

    @TempDir
    Path dataDir;

    @Test
    void anInFlightRequestFinishesThenTheStoreCloses() throws Exception {
        FakeComponents components = new FakeComponents();
        StrongroomServer server = new StrongroomServer(TestConfigs.dev(dataDir), config -> components);
        server.start();
        int port = server.httpPort();
        URI slow = URI.create(server.apiEndpoint() + "/?Action=Slow");

        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return Http.send(Http.signed(slow, FakeAuthenticator.GOOD_KEY, "iam").GET().build());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(components.iam.awaitSlowStarted()).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        // While the request is held, the node reports not ready and the store stays open.
        Thread.sleep(300);
        assertThat(server.readiness().isReady()).isFalse();
        assertThat(components.closed).isFalse();
        assertThat(closing).isNotDone();

        components.iam.releaseSlow();
        HttpResponse<String> response = inFlight.get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("operation=\"Slow\"");

        closing.get(20, TimeUnit.SECONDS);
        assertThat(components.closed).isTrue();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void aRequestOverTheShutdownTimeoutIsCutOff() throws Exception {
        FakeComponents components = new FakeComponents();
        StrongroomServer server = new StrongroomServer(TestConfigs.dev(dataDir,
                java.util.Map.of(io.strongroom.server.config.Setting.SHUTDOWN_TIMEOUT, "500ms")), config -> components);
        server.start();
        URI slow = URI.create(server.apiEndpoint() + "/?Action=Slow");
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return Http.send(Http.signed(slow, FakeAuthenticator.GOOD_KEY, "iam").GET().build());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(components.iam.awaitSlowStarted()).isTrue();
        long begin = System.nanoTime();
        server.close();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        assertThat(tookMs).isLessThan(10_000);
        assertThat(components.closed).isTrue();
        components.iam.releaseSlow();
        assertThatThrownBy(() -> inFlight.get(20, TimeUnit.SECONDS)).hasRootCauseInstanceOf(java.io.IOException.class);
    }
}
