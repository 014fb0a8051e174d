package io.strongroom.s3.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryS3RepositoryTest extends S3RepositoryContract {
    @Override
    protected Stores openEmpty() {
        InMemoryS3Repository objects = new InMemoryS3Repository();
        return new Stores(objects, new InMemoryS3Transactor(objects));
    }

    @Test
    void theUtf8OrderIsTheOrderOfTheEncodedBytes() {
        List<String> sorted = new ArrayList<>(KEYS_IN_UTF8_ORDER.reversed());
        sorted.sort(InMemoryS3Repository.UTF8_ORDER);
        assertThat(sorted).containsExactlyElementsOf(KEYS_IN_UTF8_ORDER);
        // Java's own order differs exactly where UTF-16 does
        assertThat("\uD83D\uDE00".compareTo("\uE000")).isNegative();
        assertThat(InMemoryS3Repository.UTF8_ORDER.compare("\uD83D\uDE00", "\uE000")).isPositive();
        assertThat(InMemoryS3Repository.UTF8_ORDER.compare("ab", "a")).isPositive();
        assertThat(InMemoryS3Repository.UTF8_ORDER.compare("a", "ab")).isNegative();
        assertThat(InMemoryS3Repository.UTF8_ORDER.compare("", "")).isZero();
        assertThat(InMemoryS3Repository.UTF8_ORDER.compare("é", "é")).isZero();
    }
}
