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
    trail_arn                     TEXT    NOT NULL,
    version                       INTEGER NOT NULL CHECK (version > 0),
    effective_from                INTEGER NOT NULL,
    deleted                       INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    name                          TEXT    NOT NULL,
    owner_account_id              TEXT    NOT NULL,
    home_region                   TEXT    NOT NULL,
    s3_bucket_name                TEXT,
    s3_key_prefix                 TEXT,
    include_global_service_events INTEGER NOT NULL CHECK (include_global_service_events IN (0, 1)),
    multi_region                  INTEGER NOT NULL CHECK (multi_region IN (0, 1)),
    organization_trail            INTEGER NOT NULL CHECK (organization_trail IN (0, 1)),
    log_file_validation           INTEGER NOT NULL CHECK (log_file_validation IN (0, 1)),
    logging                       INTEGER NOT NULL CHECK (logging IN (0, 1)),
    start_logging_time            INTEGER,
    stop_logging_time             INTEGER,
    event_selectors               TEXT    NOT NULL,
    custom_event_selectors        INTEGER NOT NULL CHECK (custom_event_selectors IN (0, 1)),
    created                       INTEGER NOT NULL,
    PRIMARY KEY (trail_arn, version)
);

-- Set up once, on the service's first start: the organization whose default trail was created then
-- (so that a default trail deleted later is not created again) and the HMAC key of LookupEvents
-- page tokens, which every node shares.
CREATE TABLE audit_trail_settings (
    id               INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    organization_id  TEXT    NOT NULL,
    lookup_token_key BLOB    NOT NULL CHECK (length(lookup_token_key) >= 32),
    created          INTEGER NOT NULL
);

CREATE TRIGGER audit_trail_versions_no_update BEFORE UPDATE ON audit_trail_versions
BEGIN
    SELECT RAISE(ABORT, 'trail versions are append-only');
END;
CREATE TRIGGER audit_trail_versions_no_delete BEFORE DELETE ON audit_trail_versions
BEGIN
    SELECT RAISE(ABORT, 'trail versions are append-only');
END;
CREATE TRIGGER audit_trail_settings_no_update BEFORE UPDATE ON audit_trail_settings
BEGIN
    SELECT RAISE(ABORT, 'the trail settings are written once');
END;
CREATE TRIGGER audit_trail_settings_no_delete BEFORE DELETE ON audit_trail_settings
BEGIN
    SELECT RAISE(ABORT, 'the trail settings are written once');
END;
