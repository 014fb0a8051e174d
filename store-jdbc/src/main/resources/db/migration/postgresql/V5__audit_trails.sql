-- PostgreSQL twin of sqlite/V5__audit_trails.sql. ARNs sort COLLATE "C" (byte order, as in SQLite).
-- CloudTrail trails and the CloudTrail service's settings.
--
-- A trail is kept as the versions of its configuration: every change (CreateTrail, StartLogging,
-- StopLogging, PutEventSelectors, UpdateTrail, DeleteTrail) inserts the next version, and none is
-- ever changed or deleted, so the exports can apply to each record the configuration in effect when
-- its call was made, and an auditor can see when a trail was stopped or narrowed. A trail's current
-- state is its latest version (unless that is a deletion). The primary key makes two nodes that
-- change one trail at once collide: only one of them inserts the next version.
-- Timestamps are UTC epoch milliseconds; event_selectors is the canonical JSON the domain writes
-- (EventSelectorsText).
CREATE TABLE audit_trail_versions (
    trail_arn                     TEXT COLLATE "C" NOT NULL,
    version                       BIGINT  NOT NULL CHECK (version > 0),
    effective_from                BIGINT  NOT NULL,
    deleted                       BOOLEAN NOT NULL,
    name                          TEXT    NOT NULL,
    owner_account_id              TEXT    NOT NULL,
    home_region                   TEXT    NOT NULL,
    s3_bucket_name                TEXT,
    s3_key_prefix                 TEXT,
    include_global_service_events BOOLEAN NOT NULL,
    multi_region                  BOOLEAN NOT NULL,
    organization_trail            BOOLEAN NOT NULL,
    log_file_validation           BOOLEAN NOT NULL,
    logging                       BOOLEAN NOT NULL,
    start_logging_time            BIGINT,
    stop_logging_time             BIGINT,
    event_selectors               TEXT    NOT NULL,
    custom_event_selectors        BOOLEAN NOT NULL,
    created                       BIGINT  NOT NULL,
    PRIMARY KEY (trail_arn, version)
);

-- Set up once, on the service's first start: the organization whose default trail was created then
-- (so that a default trail deleted later is not created again) and the HMAC key of LookupEvents
-- page tokens, which every node shares.
CREATE TABLE audit_trail_settings (
    id               INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    organization_id  TEXT    NOT NULL,
    lookup_token_key BYTEA   NOT NULL CHECK (octet_length(lookup_token_key) >= 32),
    created          BIGINT  NOT NULL
);

-- audit_refuse_always() is V4's: it refuses the change that fired it, to everyone.
CREATE TRIGGER audit_trail_versions_append_only BEFORE UPDATE OR DELETE ON audit_trail_versions
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_always();
CREATE TRIGGER audit_trail_versions_no_truncate BEFORE TRUNCATE ON audit_trail_versions
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_always();
CREATE TRIGGER audit_trail_settings_write_once BEFORE UPDATE OR DELETE ON audit_trail_settings
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_always();
CREATE TRIGGER audit_trail_settings_no_truncate BEFORE TRUNCATE ON audit_trail_settings
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_always();
