package io.strongroom.server.management;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void notReadyUntilStartedThenUntilShutdown() {
        Readiness readiness = new Readiness();
        readiness.addCheck("store", () -> true);
        assertThat(readiness.isReady()).isFalse();
        readiness.markStarted();
        assertThat(readiness.isReady()).isTrue();
        readiness.markShuttingDown();
        assertThat(readiness.isReady()).isFalse();
    }

    @Test
    void aFailingOrThrowingCheckMeansNotReady() {
        Readiness readiness = new Readiness();
        readiness.markStarted();
        readiness.addCheck("store", () -> {
            throw new IllegalStateException("connection refused");
        });
        assertThat(readiness.isReady()).isFalse();
        assertThat(readiness.evaluate()).containsEntry("store", false).containsEntry("started", true);
    }
}
