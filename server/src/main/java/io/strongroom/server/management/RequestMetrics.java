package io.strongroom.server.management;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts API requests by service, operation and status ({@code strongroom_requests_total}) and
 * times them by service and operation ({@code strongroom_request_duration_seconds}, a histogram).
 * The meters of each label set are looked up once and kept: building tags and asking the registry
 * on every request cost more than the counting itself. The label sets are bounded (the pipeline
 * only passes known operation names), so are these maps.
 */
public final class RequestMetrics {

    private record CounterKey(String service, String operation, int status) {
    }

    private record TimerKey(String service, String operation) {
    }

    private final MeterRegistry registry;
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry");
    }

    public void record(String service, String operation, int status, Duration duration) {
        counters.computeIfAbsent(new CounterKey(service, operation, status), this::counter).increment();
        timers.computeIfAbsent(new TimerKey(service, operation), this::timer).record(duration);
    }

    private Counter counter(CounterKey key) {
        return Counter.builder("strongroom.requests")
                .description("API requests by service, operation and HTTP status")
                .tag("service", key.service())
                .tag("operation", key.operation())
                .tag("status", Integer.toString(key.status()))
                .register(registry);
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("strongroom.request.duration")
                .description("API request latency")
                .tag("service", key.service())
                .tag("operation", key.operation())
                .publishPercentileHistogram()
                .register(registry);
    }
}
