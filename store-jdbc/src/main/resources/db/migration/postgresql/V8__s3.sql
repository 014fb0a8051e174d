-- PostgreSQL twin of sqlite/V8__s3.sql. Names, keys and version ids sort with COLLATE "C" (byte order
-- of the UTF-8 database encoding), as in SQLite.
-- Amazon S3: buckets and the object index (every version and delete marker of every key). Bucket
-- names, keys and version ids compare exactly, and keys sort by their UTF-8 bytes; timestamps are
-- UTC epoch milliseconds. Object bodies are blobs outside the database, named by blob_id.
--
-- A bucket's name is unique across accounts. A version refers to its bucket by foreign key, so a
-- bucket that still holds versions or delete markers cannot be deleted.

CREATE TABLE s3_buckets (
    name                TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    account_id          TEXT    NOT NULL,
    region              TEXT    NOT NULL,
    created             BIGINT  NOT NULL,
    versioning          TEXT    NOT NULL CHECK (versioning IN ('UNVERSIONED', 'ENABLED', 'SUSPENDED')),
    object_lock_enabled BOOLEAN NOT NULL
);
-- ListBuckets pages an account's buckets by name.
CREATE INDEX s3_buckets_by_account ON s3_buckets (account_id, name);

-- seq orders a key's versions by when they were put (a replaced version gets a new one), newest
-- highest. latest marks the one version of each key with the highest seq; the store moves it on
-- every put and delete, so reading the latest or listing the latest of each key never scans the
-- older versions. headers, user_metadata and tags are JSON objects of strings (keys sorted), kept as
-- TEXT, not JSONB, so they read back exactly as written. A delete marker has no body: sse_mode,
-- wrapped_data_key and blob_id are NULL. For SSE-C wrapped_data_key is empty, and customer_key_hmac
-- recognises the customer's key. Writers of a key serialise on a transaction-scoped advisory lock
-- of the key, so concurrent puts never leave two latest versions or collide on the null version.
CREATE TABLE s3_object_versions (
    seq                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bucket             TEXT COLLATE "C" NOT NULL REFERENCES s3_buckets (name),
    object_key         TEXT COLLATE "C" NOT NULL,
    version_id         TEXT COLLATE "C" NOT NULL,
    latest             BOOLEAN NOT NULL,
    delete_marker      BOOLEAN NOT NULL,
    last_modified      BIGINT  NOT NULL,
    size               BIGINT  NOT NULL,
    etag               TEXT    NOT NULL,
    headers            TEXT    NOT NULL,
    user_metadata      TEXT    NOT NULL,
    tags               TEXT    NOT NULL,
    checksum_algorithm TEXT,
    checksum_value     TEXT,
    checksum_type      TEXT,
    storage_class      TEXT    NOT NULL,
    sse_mode           TEXT CHECK (sse_mode IN ('SSE_S3', 'SSE_KMS', 'SSE_C')),
    kms_key_arn        TEXT,
    bucket_key_enabled BOOLEAN NOT NULL,
    wrapped_data_key   BYTEA,
    customer_key_md5   TEXT,
    customer_key_hmac  BYTEA,
    blob_id            TEXT COLLATE "C",
    UNIQUE (bucket, object_key, version_id),
    CHECK ((checksum_algorithm IS NULL) = (checksum_value IS NULL)
        AND (checksum_algorithm IS NULL) = (checksum_type IS NULL)),
    CHECK (delete_marker = (sse_mode IS NULL)
        AND (sse_mode IS NULL) = (wrapped_data_key IS NULL)
        AND (sse_mode IS NULL) = (blob_id IS NULL))
);
-- A key's versions newest first: ListObjectVersions, and the newest remaining one after a delete.
CREATE INDEX s3_versions_by_key ON s3_object_versions (bucket, object_key, seq DESC);
-- At most one latest version per key; finds it.
CREATE UNIQUE INDEX s3_latest_versions ON s3_object_versions (bucket, object_key) WHERE latest;
-- ListObjects: the keys whose latest version is not a delete marker, by key.
CREATE INDEX s3_listed_objects ON s3_object_versions (bucket, object_key) WHERE latest AND NOT delete_marker;
-- Whether anything still names a blob (garbage collection of interrupted writes).
CREATE INDEX s3_versions_by_blob ON s3_object_versions (blob_id) WHERE blob_id IS NOT NULL;
