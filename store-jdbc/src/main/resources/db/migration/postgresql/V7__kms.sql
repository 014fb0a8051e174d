-- PostgreSQL twin of sqlite/V7__kms.sql. Ids and alias names sort with COLLATE "C" (byte order), as in SQLite.
-- AWS KMS: customer-managed keys with their tags, the versions of their material (wrapped by the
-- root key), aliases and grants. Ids and alias names compare exactly; timestamps are UTC epoch
-- milliseconds.
--
-- A key row is never deleted: a key whose deletion deadline passed stays as a DESTROYED tombstone
-- (its versions, aliases and grants are deleted), so versions, aliases and grants refer to it
-- with foreign keys and nothing cascades but tags. A key's account carries no foreign key: KMS
-- state is scoped by the account id it names. Key specs, usages and rotation types may grow
-- with the service, so only the state has a CHECK.

CREATE TABLE kms_keys (
    key_id               TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    account_id           TEXT    NOT NULL,
    region               TEXT    NOT NULL,
    description          TEXT    NOT NULL,
    key_spec             TEXT    NOT NULL,
    key_usage            TEXT    NOT NULL,
    state                TEXT    NOT NULL CHECK (state IN ('ENABLED', 'DISABLED', 'PENDING_DELETION', 'DESTROYED')),
    creation_date        BIGINT  NOT NULL,
    deletion_date        BIGINT,
    pending_window_days  INTEGER,
    policy               TEXT    NOT NULL,
    rotation_enabled     BOOLEAN NOT NULL,
    rotation_period_days INTEGER,
    next_rotation_date   BIGINT,
    current_version      INTEGER NOT NULL,
    last_rotation_date   BIGINT,
    on_demand_rotations  INTEGER NOT NULL
);
-- ListKeys pages an account's keys in a region by key id.
CREATE INDEX kms_keys_by_account ON kms_keys (account_id, region, key_id);
-- The rotation and deletion schedulers look for what is due.
CREATE INDEX kms_keys_by_next_rotation ON kms_keys (next_rotation_date) WHERE next_rotation_date IS NOT NULL;
CREATE INDEX kms_keys_by_deletion ON kms_keys (deletion_date) WHERE deletion_date IS NOT NULL;

CREATE TABLE kms_key_tags (
    key_id    TEXT COLLATE "C" NOT NULL REFERENCES kms_keys (key_id) ON DELETE CASCADE,
    tag_key   TEXT COLLATE "C" NOT NULL,
    tag_value TEXT NOT NULL,
    PRIMARY KEY (key_id, tag_key)
);

-- The material is wrapped by the root key, bound to "strongroom:kms-key:<key id>:<version>";
-- root-key rotation re-wraps it in place.
CREATE TABLE kms_key_versions (
    key_id           TEXT COLLATE "C" NOT NULL REFERENCES kms_keys (key_id),
    version          INTEGER NOT NULL,
    wrapped_material BYTEA   NOT NULL,
    public_key       BYTEA,
    created_at       BIGINT  NOT NULL,
    rotation_type    TEXT,
    PRIMARY KEY (key_id, version)
);

-- The primary key serves lookups and ListAliases by name; the index, an alias's key.
CREATE TABLE kms_aliases (
    account_id        TEXT    NOT NULL,
    region            TEXT    NOT NULL,
    alias_name        TEXT COLLATE "C" NOT NULL,
    target_key_id     TEXT COLLATE "C" NOT NULL REFERENCES kms_keys (key_id),
    creation_date     BIGINT  NOT NULL,
    last_updated_date BIGINT  NOT NULL,
    PRIMARY KEY (account_id, region, alias_name)
);
CREATE INDEX kms_aliases_by_key ON kms_aliases (target_key_id);

-- operations is a JSON array of strings; each encryption-context constraint a JSON object of
-- strings, NULL when the grant has no such constraint ('{}' is an empty one). They are kept as
-- TEXT, not JSONB, so they read back exactly as written. token_hash is the SHA-256 of the grant
-- token, by which a request that carries the token finds its grant.
CREATE TABLE kms_grants (
    grant_id                  TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    key_id                    TEXT COLLATE "C" NOT NULL REFERENCES kms_keys (key_id),
    name                      TEXT,
    grantee_principal         TEXT    NOT NULL,
    retiring_principal        TEXT,
    issuing_account           TEXT    NOT NULL,
    operations                TEXT    NOT NULL,
    encryption_context_subset TEXT,
    encryption_context_equals TEXT,
    creation_date             BIGINT  NOT NULL,
    token_hash                BYTEA   NOT NULL UNIQUE
);
CREATE INDEX kms_grants_by_key ON kms_grants (key_id, creation_date, grant_id);
CREATE INDEX kms_grants_by_retiring_principal ON kms_grants (retiring_principal, key_id, grant_id)
    WHERE retiring_principal IS NOT NULL;
