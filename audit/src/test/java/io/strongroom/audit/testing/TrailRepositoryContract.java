package io.strongroom.audit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.trails.DataResource;
import io.strongroom.audit.trails.EventSelector;
import io.strongroom.audit.trails.ReadWriteType;
import io.strongroom.audit.trails.Trail;
import io.strongroom.audit.trails.TrailRepository;
import io.strongroom.audit.trails.TrailSettings;
import io.strongroom.audit.trails.TrailVersion;
import io.strongroom.core.spi.Transactor;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TrailRepository} must show. An implementation's test extends this class
 * and opens an empty store in {@link #openEmpty()}, together with the transactor its calls join.
 */
public abstract class TrailRepositoryContract {
    protected static final String ACCOUNT = "111122223333";
    protected static final String OTHER_ACCOUNT = "444455556666";
    protected static final Instant T0 = Instant.parse("2025-03-04T05:06:07.123Z");

    /** The store under test and the transactor whose transactions its calls join. */
    public record Stores(TrailRepository repository, Transactor transactor) {
    }

    protected TrailRepository repository;
    protected Transactor transactor;

    /** Opens the store on an empty database. */
    protected abstract Stores openEmpty() throws Exception;

    /** Releases what {@link #openEmpty()} opened. */
    protected void close() throws Exception {
    }

    @BeforeEach
    public void openStores() throws Exception {
        Stores stores = openEmpty();
        repository = stores.repository();
        transactor = stores.transactor();
    }

    @AfterEach
    public void closeStores() throws Exception {
        close();
    }

    @Test
    public void anEmptyStoreHasNoTrailAndNoSettings() {
        assertThat(repository.current()).isEmpty();
        assertThat(repository.latest(arn(ACCOUNT, "audit"))).isEmpty();
        assertThat(repository.history(Instant.EPOCH)).isEmpty();
        assertThat(repository.settings()).isEmpty();
    }

    @Test
    public void aVersionRoundTripsWithEveryField() {
        Trail detailed = new Trail(arn(ACCOUNT, "detailed"), "detailed", ACCOUNT, "eu-west-1",
                Optional.of("audit-bucket"), Optional.of("exports/\u00e9t\u00e9"), false, true, true, true, true,
                Optional.of(T0.plusMillis(1)), Optional.of(T0.plusMillis(2)), List.of(
                        new EventSelector(ReadWriteType.WRITE_ONLY, false, List.of(
                                new DataResource("AWS::S3::Object", List.of("arn:aws:s3:::reports/", "arn:aws:s3:::x/")),
                                new DataResource("AWS::Lambda::Function", List.of("arn:aws:lambda"))),
                                List.of("kms.amazonaws.com")),
                        new EventSelector(ReadWriteType.READ_ONLY, true, List.of(), List.of())),
                true, T0);
        Trail plain = trail(OTHER_ACCOUNT, "plain");
        TrailVersion first = new TrailVersion(detailed, 1, T0, false);
        TrailVersion second = new TrailVersion(plain, 1, T0.plusSeconds(1), false);

        assertThat(repository.append(first)).isTrue();
        assertThat(repository.append(second)).isTrue();

        assertThat(repository.latest(detailed.arn())).contains(first);
        assertThat(repository.latest(plain.arn())).contains(second);
        assertThat(repository.current()).containsExactly(first, second);
    }

    @Test
    public void onlyTheNextVersionIsStored() {
        Trail trail = trail(ACCOUNT, "audit");
        assertThat(repository.append(new TrailVersion(trail, 2, T0, false))).isFalse();
        assertThat(repository.latest(trail.arn())).isEmpty();

        TrailVersion first = new TrailVersion(trail, 1, T0, false);
        assertThat(repository.append(first)).isTrue();
        assertThat(repository.append(first)).isFalse();
        assertThat(repository.append(new TrailVersion(stopped(trail), 3, T0.plusSeconds(1), false))).isFalse();

        TrailVersion second = new TrailVersion(stopped(trail), 2, T0.plusSeconds(1), false);
        assertThat(repository.append(second)).isTrue();
        assertThat(repository.latest(trail.arn())).contains(second);
        assertThat(repository.current()).containsExactly(second);
        assertThat(repository.history(Instant.EPOCH)).containsExactly(first, second);
    }

    @Test
    public void aDeletedTrailLeavesTheCurrentListAndANewOneContinuesItsNumbering() {
        Trail trail = trail(ACCOUNT, "audit");
        TrailVersion created = new TrailVersion(trail, 1, T0, false);
        TrailVersion deleted = new TrailVersion(trail, 2, T0.plusSeconds(1), true);
        repository.append(created);
        repository.append(deleted);

        assertThat(repository.current()).isEmpty();
        assertThat(repository.latest(trail.arn())).contains(deleted);

        TrailVersion again = new TrailVersion(trail, 3, T0.plusSeconds(2), false);
        assertThat(repository.append(again)).isTrue();
        assertThat(repository.current()).containsExactly(again);
        assertThat(repository.history(Instant.EPOCH)).containsExactly(created, deleted, again);
    }

    @Test
    public void theCurrentListIsOrderedByArnAndHoldsEachTrailsLatestVersion() {
        Trail zulu = trail(ACCOUNT, "zulu");
        Trail alpha = trail(ACCOUNT, "alpha");
        Trail upper = trail(ACCOUNT, "Zeta");
        Trail other = trail(OTHER_ACCOUNT, "alpha");
        repository.append(new TrailVersion(zulu, 1, T0, false));
        repository.append(new TrailVersion(alpha, 1, T0, false));
        TrailVersion alphaStopped = new TrailVersion(stopped(alpha), 2, T0.plusSeconds(1), false);
        repository.append(alphaStopped);
        repository.append(new TrailVersion(upper, 1, T0, false));
        repository.append(new TrailVersion(other, 1, T0, false));

        assertThat(repository.current()).extracting(version -> version.trail().arn())
                .containsExactly(upper.arn(), alpha.arn(), zulu.arn(), other.arn()); // byte order: Z before a
        assertThat(repository.current().get(1)).isEqualTo(alphaStopped);
    }

    @Test
    public void historyHoldsTheVersionInEffectAtItsStartAndEveryLaterOne() {
        Trail audit = trail(ACCOUNT, "audit");
        Trail beta = trail(ACCOUNT, "beta");
        TrailVersion audit1 = new TrailVersion(audit, 1, T0, false);
        TrailVersion audit2 = new TrailVersion(stopped(audit), 2, T0.plusSeconds(10), false);
        TrailVersion audit3 = new TrailVersion(audit, 3, T0.plusSeconds(20), false);
        TrailVersion audit4 = new TrailVersion(audit, 4, T0.plusSeconds(30), true);
        TrailVersion beta1 = new TrailVersion(beta, 1, T0.plusSeconds(25), false);
        for (TrailVersion version : List.of(audit1, audit2, audit3, beta1, audit4)) {
            assertThat(repository.append(version)).isTrue();
        }

        assertThat(repository.history(T0.plusSeconds(15))).containsExactly(audit2, audit3, audit4, beta1);
        // a version that takes effect exactly at the start is in effect from it on
        assertThat(repository.history(T0.plusSeconds(20))).containsExactly(audit3, audit4, beta1);
        assertThat(repository.history(T0.plusSeconds(20).plusMillis(1))).containsExactly(audit3, audit4, beta1);
        assertThat(repository.history(T0.plusSeconds(40))).containsExactly(audit4, beta1);
        assertThat(repository.history(T0.minusSeconds(1))).containsExactly(audit1, audit2, audit3, audit4, beta1);
    }

    @Test
    public void settingsAreStoredOnce() {
        TrailSettings first = new TrailSettings("o-abcdefghij", key(1), T0);
        TrailSettings second = new TrailSettings("o-klmnopqrst", key(2), T0.plusSeconds(1));

        assertThat(repository.initialise(first)).isTrue();
        assertThat(repository.initialise(second)).isFalse();
        assertThat(repository.settings()).contains(first);
        assertThat(repository.settings().orElseThrow().lookupTokenKey()).isEqualTo(key(1));
    }

    @Test
    public void writesJoinTheCallersTransactionAndRollBackWithIt() {
        Trail trail = trail(ACCOUNT, "audit");
        assertThatThrownBy(() -> transactor.run(() -> {
            repository.initialise(new TrailSettings("o-abcdefghij", key(1), T0));
            repository.append(new TrailVersion(trail, 1, T0, false));
            assertThat(repository.latest(trail.arn())).isPresent();
            throw new IllegalStateException("the caller's change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(repository.latest(trail.arn())).isEmpty();
        assertThat(repository.settings()).isEmpty();
        assertThat(transactor.inTransaction(() -> repository.append(new TrailVersion(trail, 1, T0, false)))).isTrue();
        assertThat(repository.current()).hasSize(1);
    }

    // ---- helpers

    protected static String arn(String account, String name) {
        return Trail.arn("us-east-1", account, name);
    }

    /** A logging trail with AWS's defaults. */
    protected static Trail trail(String account, String name) {
        return new Trail(arn(account, name), name, account, "us-east-1", Optional.empty(), Optional.empty(), true,
                false, false, false, true, Optional.of(T0), Optional.empty(),
                List.of(EventSelector.ALL_MANAGEMENT_EVENTS), false, T0);
    }

    protected static Trail stopped(Trail trail) {
        return new Trail(trail.arn(), trail.name(), trail.ownerAccountId(), trail.homeRegion(), trail.s3BucketName(),
                trail.s3KeyPrefix(), trail.includeGlobalServiceEvents(), trail.multiRegion(),
                trail.organizationTrail(), trail.logFileValidation(), false, trail.startLoggingTime(),
                Optional.of(T0.plusSeconds(5)), trail.eventSelectors(), trail.customEventSelectors(), trail.created());
    }

    protected static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
