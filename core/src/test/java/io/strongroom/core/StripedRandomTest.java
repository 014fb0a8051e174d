package io.strongroom.core;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class StripedRandomTest {
    private final StripedRandom random = new StripedRandom();

    @Test
    void manyThreadsSharingOneGeneratorNeverDrawTheSameBytes() throws Exception {
        Set<String> drawn = ConcurrentHashMap.newKeySet();
        int threads = 32;
        int each = 2_000;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = IntStream.range(0, threads).<Future<?>>mapToObj(t -> executor.submit(() -> {
                for (int i = 0; i < each; i++) {
                    byte[] bytes = new byte[16];
                    random.nextBytes(bytes);
                    drawn.add(HexFormat.of().formatHex(bytes));
                }
            })).toList();
            for (Future<?> future : done) {
                future.get();
            }
        }
        assertThat(drawn).hasSize(threads * each);
    }

    @Test
    void bytesAreSpreadOverEveryValue() {
        byte[] bytes = new byte[64 * 1024];
        random.nextBytes(bytes);
        int[] counts = new int[256];
        for (byte b : bytes) {
            counts[b & 0xff]++;
        }
        // 256 expected per value; a stuck or biased generator lands far outside this band
        assertThat(IntStream.of(counts).min().orElseThrow()).isGreaterThan(150);
        assertThat(IntStream.of(counts).max().orElseThrow()).isLessThan(370);
    }

    @Test
    void theDerivedMethodsOfSecureRandomDrawFromTheStripes() {
        Set<Integer> ints = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 1000; i++) {
            int value = random.nextInt(10);
            assertThat(value).isBetween(0, 9);
            ints.add(value);
        }
        assertThat(ints).hasSize(10);
        assertThat(random.generateSeed(24)).hasSize(24);
        random.setSeed(new byte[] {1, 2, 3}); // additional input only: output stays unpredictable
        byte[] first = new byte[32];
        byte[] second = new byte[32];
        random.nextBytes(first);
        random.nextBytes(second);
        assertThat(first).isNotEqualTo(second);
        assertThat(random.getAlgorithm()).isEqualTo("DRBG");
    }
}
