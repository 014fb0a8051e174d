package io.strongroom.store.jdbc.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.spi.WrappedSecretSource.WrappedSecret;
import io.strongroom.iam.testing.AesGcmRootKeyProvider;
import io.strongroom.iam.testing.MutableClock;
import io.strongroom.s3.PlatformKeys.PlatformKey;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SSE-S3's platform keys on one vendor: made once, kept only wrapped, re-wrappable by root-key rotation. */
abstract class JdbcPlatformKeysContract {
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final AesGcmRootKeyProvider rootKeys = new AesGcmRootKeyProvider();
    private Database database;
    private JdbcPlatformKeys keys;

    abstract Database openEmptyDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        database = openEmptyDatabase();
        keys = new JdbcPlatformKeys(database.transactor(), rootKeys, clock, Duration.ofSeconds(60));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theFirstUseMakesOneKeyThatStaysCurrent() {
        PlatformKey first = keys.current();
        clock.advance(Duration.ofMinutes(5));
        PlatformKey again = new JdbcPlatformKeys(database.transactor(), rootKeys, clock, Duration.ofSeconds(60)).current();

        assertThat(first.material()).hasSize(32);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.material()).isEqualTo(first.material());
        assertThat(keys.find(first.id()).orElseThrow().material()).isEqualTo(first.material());
        assertThat(keys.find("no-such-key")).isEmpty();
        assertThat(keys.list()).hasSize(1);
    }

    @Test
    void theStoredKeyIsWrappedAndBoundToItsId() {
        PlatformKey key = keys.current();
        byte[] stored = database.transactor().withConnection(c -> Sql.one(c,
                "SELECT wrapped_key FROM s3_platform_keys WHERE key_id = ?", row -> row.getBytes(1), key.id()))
                .orElseThrow();

        assertThat(stored).isNotEqualTo(key.material());
        assertThat(rootKeys.unwrap(stored, JdbcPlatformKeys.associatedData(key.id()))).isEqualTo(key.material());
    }

    @Test
    void everyCallerGetsItsOwnCopyToWipe() {
        PlatformKey key = keys.current();
        byte[] expected = key.material().clone();
        java.util.Arrays.fill(key.material(), (byte) 0);

        assertThat(keys.current().material()).isEqualTo(expected);
        assertThat(keys.find(key.id()).orElseThrow().material()).isEqualTo(expected);
    }

    @Test
    void rootKeyRotationReplacesOnlyWhatStillHoldsTheExpectedBlob() {
        PlatformKey key = keys.current();
        List<WrappedSecret> secrets = keys.list();
        WrappedSecret secret = secrets.getFirst();
        assertThat(keys.name()).isEqualTo("s3-platform-keys");
        assertThat(secret.associatedData()).isEqualTo(JdbcPlatformKeys.associatedData(key.id()));

        byte[] rewrapped = rootKeys.wrap(key.material(), secret.associatedData());
        assertThat(keys.replace(secret, rewrapped)).isTrue();
        assertThat(keys.replace(secret, rewrapped)).isFalse(); // the expected blob is gone
        clock.advance(Duration.ofMinutes(2));
        assertThat(keys.find(key.id()).orElseThrow().material()).isEqualTo(key.material());
    }
}
