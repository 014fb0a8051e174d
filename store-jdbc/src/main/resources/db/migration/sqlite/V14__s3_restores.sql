-- Restores of archived (GLACIER, DEEP_ARCHIVE) object versions, kept apart from s3_object_versions:
-- one row per version while a restore is in progress (restored_blob_id NULL) or its temporary copy in
-- the normal blob store lives (until expiry). archived_blob_id binds the row to the archived body it
-- copies. Timestamps are UTC epoch milliseconds.
CREATE TABLE s3_restores (
    bucket           TEXT    NOT NULL,
    object_key       TEXT    NOT NULL,
    version_id       TEXT    NOT NULL,
    archived_blob_id TEXT    NOT NULL,
    days             INTEGER NOT NULL CHECK (days > 0),
    tier             TEXT    NOT NULL,
    requested        INTEGER NOT NULL,
    restored_blob_id TEXT,
    expiry           INTEGER,
    PRIMARY KEY (bucket, object_key, version_id),
    CHECK ((restored_blob_id IS NULL) = (expiry IS NULL))
);
-- The scheduler's two queues: restores to complete, copies to expire.
CREATE INDEX s3_restores_ongoing ON s3_restores (requested) WHERE restored_blob_id IS NULL;
CREATE INDEX s3_restores_by_expiry ON s3_restores (expiry) WHERE expiry IS NOT NULL;
CREATE INDEX s3_restores_by_blob ON s3_restores (restored_blob_id);
