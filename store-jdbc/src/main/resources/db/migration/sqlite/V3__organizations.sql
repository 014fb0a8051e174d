-- AWS Organizations: the root, organizational units, where each account sits, service and resource
-- control policies with their attachments, the policy types enabled on a root, and CreateAccount
-- request records. The organization itself and its accounts are V1's organizations and accounts.
-- Ids and names compare exactly (Organizations is case-sensitive: p-FullAWSAccess); timestamps
-- are UTC epoch milliseconds.
--
-- A parent (r-… or ou-…) and an attachment's target (r-…, ou-… or an account id) can each be of
-- several kinds, so they carry no foreign key: the service checks they exist. Nothing cascades
-- either; the service removes attachments before it deletes a policy or an OU.

CREATE TABLE org_roots (
    id   TEXT NOT NULL PRIMARY KEY,
    arn  TEXT NOT NULL,
    name TEXT NOT NULL
);

CREATE TABLE org_enabled_policy_types (
    root_id     TEXT NOT NULL,
    policy_type TEXT NOT NULL,
    PRIMARY KEY (root_id, policy_type)
);

-- The unique key also serves listing the OUs of a parent.
CREATE TABLE org_units (
    id        TEXT NOT NULL PRIMARY KEY,
    arn       TEXT NOT NULL,
    name      TEXT NOT NULL,
    parent_id TEXT NOT NULL,
    UNIQUE (parent_id, name)
);

CREATE TABLE org_account_memberships (
    account_id       TEXT    NOT NULL PRIMARY KEY REFERENCES accounts (id),
    parent_id        TEXT    NOT NULL,
    joined_method    TEXT    NOT NULL CHECK (joined_method IN ('INVITED', 'CREATED')),
    joined_timestamp INTEGER NOT NULL
);
CREATE INDEX org_account_memberships_by_parent ON org_account_memberships (parent_id);

-- policy_type is open-ended (Organizations has more types than Strongroom offers), so it has no CHECK.
-- The unique key also serves listing the policies of a type.
CREATE TABLE org_policies (
    id          TEXT    NOT NULL PRIMARY KEY,
    arn         TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL,
    policy_type TEXT    NOT NULL,
    aws_managed INTEGER NOT NULL,
    content     TEXT    NOT NULL,
    UNIQUE (policy_type, name)
);

-- The primary key serves lookups by policy; the index, lookups by target.
CREATE TABLE org_policy_attachments (
    policy_id   TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    target_type TEXT NOT NULL CHECK (target_type IN ('ACCOUNT', 'ORGANIZATIONAL_UNIT', 'ROOT')),
    PRIMARY KEY (policy_id, target_id)
);
CREATE INDEX org_policy_attachments_by_target ON org_policy_attachments (target_id);

-- A request record is history: it keeps the account id it produced without a foreign key, so it
-- can be written before the account and outlives it.
CREATE TABLE org_create_account_requests (
    id                  TEXT    NOT NULL PRIMARY KEY,
    account_name        TEXT    NOT NULL,
    state               TEXT    NOT NULL CHECK (state IN ('IN_PROGRESS', 'SUCCEEDED', 'FAILED')),
    requested_timestamp INTEGER NOT NULL,
    completed_timestamp INTEGER,
    account_id          TEXT,
    failure_reason      TEXT
);
