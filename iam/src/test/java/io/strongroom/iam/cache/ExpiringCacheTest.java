package io.strongroom.iam.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final ExpiringCache<String, String> cache = new ExpiringCache<>(clock, Duration.ofSeconds(2), 10);
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void aLoadedValueIsReusedUntilItExpires() {
        assertThat(cache.get("k", this::load)).isEqualTo("k#1");
        assertThat(cache.get("k", this::load)).isEqualTo("k#1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(cache.get("k", this::load)).isEqualTo("k#2");
    }

    @Test
    void aLoadThatOverlapsInvalidateAllIsNotStored() throws Exception {
        loadOverlapping(ExpiringCache::invalidateAll);
    }

    @Test
    void aLoadThatOverlapsInvalidateOfItsKeyIsNotStored() throws Exception {
        loadOverlapping(c -> c.invalidate("k"));
    }

    @Test
    void aLoadThatStartsAfterTheInvalidationIsStored() {
        cache.invalidateAll();
        assertThat(cache.get("k", this::load)).isEqualTo("k#1");
        assertThat(cache.get("k", this::load)).isEqualTo("k#1");
    }

    /** The loader reads the old state, the invalidation runs, then the loader finishes. */
    private void loadOverlapping(Consumer<ExpiringCache<String, String>> invalidation) throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> cache.get("k", key -> {
            String stale = load(key);
            loading.countDown();
            await(release);
            return stale;
        }));
        assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
        invalidation.accept(cache);
        release.countDown();

        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("k#1");
        assertThat(cache.size()).isZero();
        assertThat(cache.get("k", this::load)).isEqualTo("k#2");
        assertThat(cache.get("k", this::load)).isEqualTo("k#2");
    }

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
