-- The platform keys of SSE-S3: 256-bit keys, each kept only wrapped by the root key (bound to its
-- key_id), under which every SSE-S3 object's data key is wrapped. The newest is the current one; the
-- older ones stay, since objects written under them must stay readable. created is UTC epoch millis.
CREATE TABLE s3_platform_keys (
    key_id      TEXT    NOT NULL PRIMARY KEY,
    wrapped_key BLOB    NOT NULL,
    created     INTEGER NOT NULL
);
