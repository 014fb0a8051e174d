package io.strongroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void anIdIsAVersion7UuidOfItsMillisecond() {
        long millis = Instant.parse("2026-11-26T09:45:01.234Z").toEpochMilli();
        UUID id = EventIds.timeOrdered(millis, RANDOM);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", millis >>> 16, millis & 0xFFFF));
    }

    @Test
    void idsOfLaterMillisecondsSortLater() {
        long millis = Instant.parse("2026-11-26T09:45:01.234Z").toEpochMilli();
        String earlier = EventIds.timeOrdered(millis, RANDOM).toString();
        String later = EventIds.timeOrdered(millis + 1, RANDOM).toString();
        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void idsOfOneMillisecondStillDifferInTheirRandomBits() {
        long millis = Instant.parse("2026-11-26T09:45:01.234Z").toEpochMilli();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(EventIds.timeOrdered(millis, RANDOM));
        }
        assertThat(ids).hasSize(10_000);
        // 74 random bits: rand_a and rand_b both vary
        assertThat(ids.stream().map(id -> id.getMostSignificantBits() & 0x0FFF).distinct().count()).isGreaterThan(1000);
        assertThat(ids.stream().map(id -> id.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL).distinct().count())
                .isEqualTo(10_000);
    }

    @Test
    void nextIsCanonicalLowerCaseAndNow() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(EventIds.next());
        long after = System.currentTimeMillis();
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
        assertThat(EventIds.next()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void refusesTimesOutside48Bits() {
        assertThatThrownBy(() -> EventIds.timeOrdered(-1, RANDOM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventIds.timeOrdered(1L << 48, RANDOM)).isInstanceOf(IllegalArgumentException.class);
    }
}
