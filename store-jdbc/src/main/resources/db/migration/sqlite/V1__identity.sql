-- Identities, policies and credentials. Timestamps are UTC epoch milliseconds; name_lc holds the
-- lower-cased name that uniqueness and ordering use (IAM names are case-insensitive).

CREATE TABLE organizations (
    id                    TEXT    NOT NULL PRIMARY KEY,
    arn                   TEXT    NOT NULL,
    management_account_id TEXT    NOT NULL,
    created_at            INTEGER NOT NULL,
    singleton             INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1)
);

CREATE TABLE accounts (
    id              TEXT    NOT NULL PRIMARY KEY,
    name            TEXT    NOT NULL,
    email           TEXT    NOT NULL,
    organization_id TEXT    NOT NULL,
    created_at      INTEGER NOT NULL
);

CREATE TABLE users (
    user_id                  TEXT    NOT NULL PRIMARY KEY,
    account_id               TEXT    NOT NULL REFERENCES accounts (id),
    user_name                TEXT    NOT NULL,
    name_lc                  TEXT    NOT NULL,
    path                     TEXT    NOT NULL,
    arn                      TEXT    NOT NULL,
    create_date              INTEGER NOT NULL,
    permissions_boundary_arn TEXT,
    UNIQUE (account_id, name_lc)
);
CREATE INDEX users_by_boundary ON users (permissions_boundary_arn);

CREATE TABLE user_tags (
    user_id   TEXT NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    tag_key   TEXT NOT NULL,
    tag_value TEXT NOT NULL,
    PRIMARY KEY (user_id, tag_key)
);

CREATE TABLE iam_groups (
    group_id    TEXT    NOT NULL PRIMARY KEY,
    account_id  TEXT    NOT NULL REFERENCES accounts (id),
    group_name  TEXT    NOT NULL,
    name_lc     TEXT    NOT NULL,
    path        TEXT    NOT NULL,
    arn         TEXT    NOT NULL,
    create_date INTEGER NOT NULL,
    UNIQUE (account_id, name_lc)
);

CREATE TABLE group_members (
    group_id TEXT NOT NULL REFERENCES iam_groups (group_id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_by_user ON group_members (user_id);

CREATE TABLE roles (
    role_id                  TEXT    NOT NULL PRIMARY KEY,
    account_id               TEXT    NOT NULL REFERENCES accounts (id),
    role_name                TEXT    NOT NULL,
    name_lc                  TEXT    NOT NULL,
    path                     TEXT    NOT NULL,
    arn                      TEXT    NOT NULL,
    create_date              INTEGER NOT NULL,
    assume_role_policy       TEXT    NOT NULL,
    description              TEXT,
    max_session_duration     INTEGER NOT NULL,
    permissions_boundary_arn TEXT,
    UNIQUE (account_id, name_lc)
);
CREATE INDEX roles_by_boundary ON roles (permissions_boundary_arn);

CREATE TABLE role_tags (
    role_id   TEXT NOT NULL REFERENCES roles (role_id) ON DELETE CASCADE,
    tag_key   TEXT NOT NULL,
    tag_value TEXT NOT NULL,
    PRIMARY KEY (role_id, tag_key)
);

-- account_id is 'aws' for AWS-managed policies, so it carries no foreign key.
CREATE TABLE managed_policies (
    arn                TEXT    NOT NULL PRIMARY KEY,
    account_id         TEXT    NOT NULL,
    policy_name        TEXT    NOT NULL,
    name_lc            TEXT    NOT NULL,
    policy_id          TEXT    NOT NULL UNIQUE,
    path               TEXT    NOT NULL,
    description        TEXT,
    default_version_id TEXT    NOT NULL,
    create_date        INTEGER NOT NULL,
    update_date        INTEGER NOT NULL,
    UNIQUE (account_id, name_lc)
);

-- Whether a version is the default is read from managed_policies.default_version_id: one source of truth.
CREATE TABLE policy_versions (
    policy_arn     TEXT    NOT NULL REFERENCES managed_policies (arn) ON DELETE CASCADE,
    version_id     TEXT    NOT NULL,
    version_number INTEGER NOT NULL,
    document       TEXT    NOT NULL,
    create_date    INTEGER NOT NULL,
    PRIMARY KEY (policy_arn, version_id)
);

-- principal_id is a user_id, group_id or role_id (by principal_kind); the id column keeps attachment order.
CREATE TABLE policy_attachments (
    id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    account_id     TEXT    NOT NULL,
    principal_kind TEXT    NOT NULL,
    principal_id   TEXT    NOT NULL,
    policy_arn     TEXT    NOT NULL REFERENCES managed_policies (arn) ON DELETE CASCADE,
    UNIQUE (principal_kind, principal_id, policy_arn)
);
CREATE INDEX policy_attachments_by_policy ON policy_attachments (policy_arn, account_id);

CREATE TABLE inline_policies (
    principal_kind TEXT NOT NULL,
    principal_id   TEXT NOT NULL,
    account_id     TEXT NOT NULL,
    policy_name    TEXT NOT NULL,
    name_lc        TEXT NOT NULL,
    document       TEXT NOT NULL,
    PRIMARY KEY (principal_kind, principal_id, name_lc)
);

-- wrapped_secret is the secret as wrapped by the root key; the store never sees plaintext.
CREATE TABLE access_keys (
    access_key_id     TEXT    NOT NULL PRIMARY KEY,
    account_id        TEXT    NOT NULL REFERENCES accounts (id),
    user_id           TEXT REFERENCES users (user_id) ON DELETE CASCADE,
    active            INTEGER NOT NULL,
    create_date       INTEGER NOT NULL,
    wrapped_secret    BLOB    NOT NULL,
    last_used_date    INTEGER,
    last_used_service TEXT,
    last_used_region  TEXT
);
CREATE INDEX access_keys_by_owner ON access_keys (account_id, user_id);

CREATE TABLE sts_sessions (
    access_key_id      TEXT    NOT NULL PRIMARY KEY,
    account_id         TEXT    NOT NULL REFERENCES accounts (id),
    wrapped_secret     BLOB    NOT NULL,
    session_token_hash BLOB    NOT NULL UNIQUE,
    role_arn           TEXT    NOT NULL,
    role_id            TEXT    NOT NULL,
    role_name          TEXT    NOT NULL,
    session_name       TEXT    NOT NULL,
    issued_at          INTEGER NOT NULL,
    expires_at         INTEGER NOT NULL,
    session_policy     TEXT,
    source_identity    TEXT,
    issued_by          TEXT    NOT NULL
);
CREATE INDEX sts_sessions_by_expiry ON sts_sessions (expires_at);

CREATE TABLE sts_session_tags (
    access_key_id TEXT NOT NULL REFERENCES sts_sessions (access_key_id) ON DELETE CASCADE,
    tag_key       TEXT NOT NULL,
    tag_value     TEXT NOT NULL,
    PRIMARY KEY (access_key_id, tag_key)
);
