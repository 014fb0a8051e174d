-- PostgreSQL twin of sqlite/V11__s3_multipart.sql; names, keys and ids sort with COLLATE "C".
-- Amazon S3 multipart uploads: the uploads in progress, their parts, and the parts of objects completed
-- from them. Each part is a blob of its own, encrypted under its upload's data key (wrapped_data_key,
-- as in s3_object_versions). Keys sort by their UTF-8 bytes; timestamps are UTC epoch milliseconds.
--
-- An upload names its bucket without a foreign key: the lead decides what DeleteBucket does with
-- uploads in progress. Deleting an upload deletes its parts' rows; the blobs go by the domain.

CREATE TABLE s3_multipart_uploads (
    upload_id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    bucket             TEXT COLLATE "C" NOT NULL,
    object_key         TEXT COLLATE "C" NOT NULL,
    initiated          BIGINT  NOT NULL,
    owner_account_id   TEXT    NOT NULL,
    initiator_arn      TEXT    NOT NULL,
    headers            TEXT    NOT NULL,
    user_metadata      TEXT    NOT NULL,
    tags               TEXT    NOT NULL,
    storage_class      TEXT    NOT NULL,
    sse_mode           TEXT    NOT NULL CHECK (sse_mode IN ('SSE_S3', 'SSE_KMS', 'SSE_C')),
    kms_key_arn        TEXT,
    bucket_key_enabled BOOLEAN NOT NULL,
    wrapped_data_key   BYTEA   NOT NULL,
    customer_key_md5   TEXT,
    customer_key_hmac  BYTEA,
    checksum_algorithm TEXT
);
-- ListMultipartUploads: by key, then initiation, then upload id.
CREATE INDEX s3_uploads_by_key ON s3_multipart_uploads (bucket, object_key, initiated, upload_id);

CREATE TABLE s3_upload_parts (
    upload_id          TEXT COLLATE "C" NOT NULL REFERENCES s3_multipart_uploads (upload_id) ON DELETE CASCADE,
    part_number        INTEGER NOT NULL CHECK (part_number BETWEEN 1 AND 10000),
    last_modified      BIGINT  NOT NULL,
    size               BIGINT  NOT NULL,
    etag               TEXT    NOT NULL,
    checksum_algorithm TEXT,
    checksum_value     TEXT,
    checksum_type      TEXT,
    blob_id            TEXT    NOT NULL,
    PRIMARY KEY (upload_id, part_number),
    CHECK ((checksum_algorithm IS NULL) = (checksum_value IS NULL)
        AND (checksum_algorithm IS NULL) = (checksum_type IS NULL))
);
CREATE INDEX s3_upload_parts_by_blob ON s3_upload_parts (blob_id);

-- A completed object's parts, in order, under the blob id its version names (its first part's).
CREATE TABLE s3_object_parts (
    object_blob_id     TEXT    NOT NULL,
    part_number        INTEGER NOT NULL CHECK (part_number BETWEEN 1 AND 10000),
    upload_id          TEXT    NOT NULL,
    size               BIGINT  NOT NULL,
    blob_id            TEXT    NOT NULL,
    PRIMARY KEY (object_blob_id, part_number)
);
CREATE INDEX s3_object_parts_by_blob ON s3_object_parts (blob_id);
