package io.strongroom.store.jdbc.audit;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.trails.EventSelectorsText;
import io.strongroom.audit.trails.Trail;
import io.strongroom.audit.trails.TrailRepository;
import io.strongroom.audit.trails.TrailSettings;
import io.strongroom.audit.trails.TrailVersion;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link TrailRepository} over JDBC, on SQLite or PostgreSQL alike (tables {@code audit_trail_*} of
 * migration V5). Each method joins the caller's transaction on the {@link JdbcTransactor} (a write
 * runs under a savepoint there), or runs in its own. The primary key (ARN, version) settles two
 * nodes appending the same version: {@code ON CONFLICT DO NOTHING} lets one in and answers false to
 * the other without spoiling its PostgreSQL transaction.
 */
public final class JdbcTrailRepository implements TrailRepository {
    private static final String COLUMNS = "trail_arn, version, effective_from, deleted, name, owner_account_id,"
            + " home_region, s3_bucket_name, s3_key_prefix, include_global_service_events, multi_region,"
            + " organization_trail, log_file_validation, logging, start_logging_time, stop_logging_time,"
            + " event_selectors, custom_event_selectors, created";
    private static final String SELECT_VERSION = "SELECT " + COLUMNS + " FROM audit_trail_versions v";
    private static final String LATEST_OF_EACH = "v.version = (SELECT MAX(w.version) FROM audit_trail_versions w"
            + " WHERE w.trail_arn = v.trail_arn)";

    private final JdbcTransactor transactor;

    public JdbcTrailRepository(JdbcTransactor transactor) {
        this.transactor = requireNonNull(transactor, "transactor");
    }

    @Override
    public Optional<TrailVersion> latest(String trailArn) {
        requireNonNull(trailArn, "trailArn");
        return transactor.withConnection(c -> Sql.one(c, SELECT_VERSION + " WHERE v.trail_arn = ?"
                + " ORDER BY v.version DESC LIMIT 1", JdbcTrailRepository::version, trailArn));
    }

    @Override
    public List<TrailVersion> current() {
        return transactor.withConnection(c -> Sql.list(c, SELECT_VERSION + " WHERE " + LATEST_OF_EACH
                + " AND v.deleted = ? ORDER BY v.trail_arn", JdbcTrailRepository::version, false));
    }

    @Override
    public boolean append(TrailVersion version) {
        requireNonNull(version, "version");
        Trail trail = version.trail();
        return transactor.atomically(c -> {
            long latest = Sql.one(c, "SELECT MAX(version) AS latest FROM audit_trail_versions WHERE trail_arn = ?",
                    row -> row.getLong("latest"), trail.arn()).orElse(0L);
            if (version.version() != latest + 1) {
                return false;
            }
            // Sql binds a null as text; the casts type the two optional times for PostgreSQL
            return Sql.update(c, "INSERT INTO audit_trail_versions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, CAST(? AS BIGINT), CAST(? AS BIGINT), ?, ?, ?) ON CONFLICT DO NOTHING",
                    trail.arn(), version.version(), Millis.of(version.effectiveFrom()), version.deleted(), trail.name(),
                    trail.ownerAccountId(), trail.homeRegion(), trail.s3BucketName(), trail.s3KeyPrefix(),
                    trail.includeGlobalServiceEvents(), trail.multiRegion(), trail.organizationTrail(),
                    trail.logFileValidation(), trail.logging(), millis(trail.startLoggingTime()),
                    millis(trail.stopLoggingTime()), EventSelectorsText.write(trail.eventSelectors()),
                    trail.customEventSelectors(), Millis.of(trail.created())) == 1;
        });
    }

    @Override
    public List<TrailVersion> history(Instant since) {
        requireNonNull(since, "since");
        // effective_from <= since and > since, for a since between two milliseconds too
        long floor = Millis.floor(since);
        return transactor.withConnection(c -> Sql.list(c, SELECT_VERSION + " WHERE v.effective_from > ?"
                        + " OR v.version = (SELECT MAX(w.version) FROM audit_trail_versions w"
                        + " WHERE w.trail_arn = v.trail_arn AND w.effective_from <= ?)"
                        + " ORDER BY v.trail_arn, v.version",
                JdbcTrailRepository::version, floor, floor));
    }

    @Override
    public Optional<TrailSettings> settings() {
        return transactor.withConnection(c -> Sql.one(c, "SELECT organization_id, lookup_token_key, created"
                + " FROM audit_trail_settings WHERE id = 1", row -> new TrailSettings(row.getString("organization_id"),
                row.getBytes("lookup_token_key"), Sql.instant(row, "created"))));
    }

    @Override
    public boolean initialise(TrailSettings settings) {
        requireNonNull(settings, "settings");
        return transactor.atomically(c -> Sql.update(c, "INSERT INTO audit_trail_settings (id, organization_id,"
                        + " lookup_token_key, created) VALUES (1, ?, ?, ?) ON CONFLICT DO NOTHING",
                settings.organizationId(), settings.lookupTokenKey(), Millis.of(settings.created())) == 1);
    }

    private static Long millis(Optional<Instant> instant) {
        return instant.map(Millis::of).orElse(null);
    }

    private static TrailVersion version(ResultSet row) throws SQLException {
        Trail trail = new Trail(row.getString("trail_arn"), row.getString("name"), row.getString("owner_account_id"),
                row.getString("home_region"), Sql.optionalText(row, "s3_bucket_name"),
                Sql.optionalText(row, "s3_key_prefix"), row.getBoolean("include_global_service_events"),
                row.getBoolean("multi_region"), row.getBoolean("organization_trail"),
                row.getBoolean("log_file_validation"), row.getBoolean("logging"),
                Sql.optionalInstant(row, "start_logging_time"), Sql.optionalInstant(row, "stop_logging_time"),
                EventSelectorsText.read(row.getString("event_selectors")), row.getBoolean("custom_event_selectors"),
                Sql.instant(row, "created"));
        return new TrailVersion(trail, row.getLong("version"), Sql.instant(row, "effective_from"),
                row.getBoolean("deleted"));
    }
}
