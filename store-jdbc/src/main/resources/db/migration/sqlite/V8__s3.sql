-- Amazon S3: buckets and the object index (every version and delete marker of every key). Bucket
-- names, keys and version ids compare exactly, and keys sort by their UTF-8 bytes (SQLite's BINARY
-- collation of UTF-8 text); timestamps are UTC epoch milliseconds. Object bodies are blobs outside
-- the database, named by blob_id.
--
-- A bucket's name is unique across accounts. A version refers to its bucket by foreign key, so a
-- bucket that still holds versions or delete markers cannot be deleted.

CREATE TABLE s3_buckets (
    name                TEXT    NOT NULL PRIMARY KEY,
    account_id          TEXT    NOT NULL,
    region              TEXT    NOT NULL,
    created             INTEGER NOT NULL,
    versioning          TEXT    NOT NULL CHECK (versioning IN ('UNVERSIONED', 'ENABLED', 'SUSPENDED')),
    object_lock_enabled INTEGER NOT NULL
);
-- ListBuckets pages an account's buckets by name.
CREATE INDEX s3_buckets_by_account ON s3_buckets (account_id, name);

-- seq orders a key's versions by when they were put (a replaced version gets a new one), newest
-- highest. latest marks the one version of each key with the highest seq; the store moves it on
-- every put and delete, so reading the latest or listing the latest of each key never scans the
-- older versions. headers, user_metadata and tags are JSON objects of strings (keys sorted), so any
-- text reads back exactly. A delete marker has no body: sse_mode, wrapped_data_key and blob_id are
-- NULL. For SSE-C wrapped_data_key is empty, and customer_key_hmac recognises the customer's key.
CREATE TABLE s3_object_versions (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    bucket             TEXT    NOT NULL REFERENCES s3_buckets (name),
    object_key         TEXT    NOT NULL,
    version_id         TEXT    NOT NULL,
    latest             INTEGER NOT NULL CHECK (latest IN (0, 1)),
    delete_marker      INTEGER NOT NULL CHECK (delete_marker IN (0, 1)),
    last_modified      INTEGER NOT NULL,
    size               INTEGER NOT NULL,
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
    bucket_key_enabled INTEGER NOT NULL,
    wrapped_data_key   BLOB,
    customer_key_md5   TEXT,
    customer_key_hmac  BLOB,
    blob_id            TEXT,
    UNIQUE (bucket, object_key, version_id),
    CHECK ((checksum_algorithm IS NULL) = (checksum_value IS NULL)
        AND (checksum_algorithm IS NULL) = (checksum_type IS NULL)),
    CHECK ((delete_marker = 1) = (sse_mode IS NULL)
        AND (sse_mode IS NULL) = (wrapped_data_key IS NULL)
        AND (sse_mode IS NULL) = (blob_id IS NULL))
);
-- A key's versions newest first: ListObjectVersions, and the newest remaining one after a delete.
CREATE INDEX s3_versions_by_key ON s3_object_versions (bucket, object_key, seq DESC);
-- At most one latest version per key; finds it.
CREATE UNIQUE INDEX s3_latest_versions ON s3_object_versions (bucket, object_key) WHERE latest;
-- ListObjects: the keys whose latest version is not a delete marker, by key. Queries spell the
-- condition exactly as here ("latest AND NOT delete_marker") so that SQLite uses the index.
CREATE INDEX s3_listed_objects ON s3_object_versions (bucket, object_key) WHERE latest AND NOT delete_marker;
-- Whether anything still names a blob (garbage collection of interrupted writes).
CREATE INDEX s3_versions_by_blob ON s3_object_versions (blob_id) WHERE blob_id IS NOT NULL;
