package io.strongroom.s3.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.s3.ObjectRestore;
import io.strongroom.s3.RestoreRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RestoreRepository} must show. An implementation's test extends this class
 * and opens an empty store in {@link #openEmpty()}.
 */
public abstract class RestoreRepositoryContract {
    protected static final Instant T0 = Instant.parse("2025-03-04T05:06:07.891Z");

    protected RestoreRepository repository;

    protected abstract RestoreRepository openEmpty() throws Exception;

    protected void close() throws Exception {
    }

    @BeforeEach
    public void open() throws Exception {
        repository = openEmpty();
    }

    @AfterEach
    public void closeStore() throws Exception {
        close();
    }

    protected static ObjectRestore requested(String key, String versionId, Instant at) {
        return new ObjectRestore("photos", key, versionId, "archived-" + key, 3, "Bulk", at, Optional.empty(),
                Optional.empty());
    }

    protected static ObjectRestore completed(ObjectRestore restore, String copy, Instant expiry) {
        return new ObjectRestore(restore.bucket(), restore.key(), restore.versionId(), restore.archivedBlobId(),
                restore.days(), restore.tier(), restore.requested(), Optional.of(copy), Optional.of(expiry));
    }

    @Test
    public void aRestoreReadsBackAsStoredAndIsReplacedWhenCompleted() {
        ObjectRestore restore = requested("a/é.bin", "v1", T0);
        repository.putRestore(restore);
        assertThat(repository.findRestore("photos", "a/é.bin", "v1")).contains(restore);
        assertThat(repository.findRestore("photos", "a/é.bin", "v2")).isEmpty();
        assertThat(repository.findRestore("photos", "a/e.bin", "v1")).isEmpty();

        ObjectRestore completed = new ObjectRestore("photos", "a/é.bin", "v1", "archived-a/é.bin", 3, "Bulk", T0,
                Optional.of("copy-1"), Optional.of(Instant.parse("2025-03-08T00:00:00Z")));
        repository.putRestore(completed);
        assertThat(repository.findRestore("photos", "a/é.bin", "v1")).contains(completed);
        assertThat(repository.blobReferenced("copy-1")).isTrue();
        assertThat(repository.blobReferenced("archived-a/é.bin")).isFalse();
        assertThat(repository.referencedBlobs(Set.of("copy-1", "archived-a/é.bin", "other")))
                .containsExactly("copy-1");
        assertThat(repository.referencedBlobs(Set.of())).isEmpty();

        assertThat(repository.deleteRestore("photos", "a/é.bin", "v1")).isTrue();
        assertThat(repository.deleteRestore("photos", "a/é.bin", "v1")).isFalse();
        assertThat(repository.findRestore("photos", "a/é.bin", "v1")).isEmpty();
        assertThat(repository.blobReferenced("copy-1")).isFalse();
    }

    @Test
    public void ongoingRestoresComeOldestFirstAndOnlyUntilCompleted() {
        repository.putRestore(requested("late", "null", T0.plus(Duration.ofMinutes(2))));
        repository.putRestore(requested("early", "null", T0));
        repository.putRestore(requested("middle", "null", T0.plus(Duration.ofMinutes(1))));
        assertThat(repository.ongoingRestores(10)).extracting(ObjectRestore::key)
                .containsExactly("early", "middle", "late");
        assertThat(repository.ongoingRestores(2)).extracting(ObjectRestore::key).containsExactly("early", "middle");

        repository.putRestore(completed(requested("early", "null", T0), "copy", T0.plus(Duration.ofDays(2))));
        assertThat(repository.ongoingRestores(10)).extracting(ObjectRestore::key).containsExactly("middle", "late");
        assertThat(repository.expiredRestores(T0, 10)).isEmpty();
    }

    @Test
    public void expiredRestoresAreThoseDueAtOrBeforeTheInstantSoonestFirst() {
        Instant day = Instant.parse("2025-03-10T00:00:00Z");
        repository.putRestore(completed(requested("b", "null", T0), "copy-b", day.plus(Duration.ofDays(1))));
        repository.putRestore(completed(requested("a", "null", T0), "copy-a", day));
        repository.putRestore(completed(requested("c", "null", T0), "copy-c", day.plus(Duration.ofDays(5))));
        repository.putRestore(requested("pending", "null", T0));
        assertThat(repository.expiredRestores(day.minusMillis(1), 10)).isEmpty();
        assertThat(repository.expiredRestores(day, 10)).extracting(ObjectRestore::key).containsExactly("a");
        assertThat(repository.expiredRestores(day.plus(Duration.ofDays(2)), 10)).extracting(ObjectRestore::key)
                .containsExactly("a", "b");
        assertThat(repository.expiredRestores(day.plus(Duration.ofDays(2)), 1)).extracting(ObjectRestore::key)
                .containsExactly("a");
    }
}
