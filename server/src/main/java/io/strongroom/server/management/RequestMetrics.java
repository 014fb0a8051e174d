package io.strongroom.server.management;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Counts API requests by service, operation and status ({@code strongroom_requests_total}) and
 * times them by service and operation ({@code strongroom_request_duration_seconds}, a histogram).
 */
public final class RequestMetrics {

    private final MeterRegistry registry;

    public RequestMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry");
    }

    public void record(String service, String operation, int status, Duration duration) {
        Counter.builder("strongroom.requests")
                .description("API requests by service, operation and HTTP status")
                .tag("service", service)
                .tag("operation", operation)
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
        Timer.builder("strongroom.request.duration")
                .description("API request latency")
                .tag("service", service)
                .tag("operation", operation)
                .publishPercentileHistogram()
                .register(registry)
                .record(duration);
    }
}
