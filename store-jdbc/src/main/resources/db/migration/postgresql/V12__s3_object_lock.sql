-- PostgreSQL twin of sqlite/V12__s3_object_lock.sql.
-- S3 Object Lock state of a version: its retention (mode and the instant, UTC epoch milliseconds, until
-- which it cannot be deleted) and its legal hold ('ON' or 'OFF'), each NULL when never set. Kept beside
-- s3_object_versions, not in it: a row goes when its version goes (the store deletes it first, and
-- the foreign key holds it to that).
CREATE TABLE s3_object_locks (
    bucket         TEXT COLLATE "C" NOT NULL,
    object_key     TEXT COLLATE "C" NOT NULL,
    version_id     TEXT COLLATE "C" NOT NULL,
    retention_mode TEXT CHECK (retention_mode IN ('GOVERNANCE', 'COMPLIANCE')),
    retain_until   BIGINT,
    legal_hold     TEXT CHECK (legal_hold IN ('ON', 'OFF')),
    PRIMARY KEY (bucket, object_key, version_id),
    FOREIGN KEY (bucket, object_key, version_id) REFERENCES s3_object_versions (bucket, object_key, version_id),
    CHECK ((retention_mode IS NULL) = (retain_until IS NULL))
);
