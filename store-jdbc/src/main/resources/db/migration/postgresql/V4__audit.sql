-- PostgreSQL twin of sqlite/V4__audit.sql. Signing key ids sort COLLATE "C" (byte order, as in SQLite).
-- The audit trail: hash-chained records, the chain head, signed digests and the signing keys.
-- Timestamps are UTC epoch milliseconds; hashes are 32 raw bytes (SHA-256); categories are the
-- EventCategory names. Records, their resources and digests are written once and never changed:
-- triggers refuse UPDATE and TRUNCATE to everyone and DELETE to everyone but members of the role
-- strongroom_audit_retention (created by a DBA when a retention job needs it; absent by default).
--
-- Lookups (CloudTrail LookupEvents) are scoped to an account and an event category, filter on one
-- attribute and a time range, and read newest first by (event_time, sequence). Each lookup index
-- is (key, event_time, sequence): the key is a 64-bit number standing for (attribute, account,
-- category, value), the first 8 bytes of a SHA-256 the repository computes (LookupKeys; an event
-- id's key is the id alone, its leading 64 bits when it is a UUID). A page is one index range read
-- backwards that stops after maxResults rows. Fixed-width keys compare cheaply and keep entries
-- narrow: appends ran about 50% faster on PostgreSQL than with (account, category, value) text
-- keys. A lookup re-checks the real values, so two values sharing a key cost skipped rows, never
-- a wrong answer. A lookup by time alone reads the scope index (account and category) once per
-- readOnly value and merges the two.

-- The chain head row (below) guards that sequences continue without gaps. resources is the
-- record's resource list in record order, encoded by the repository (ResourceColumn).
CREATE TABLE audit_records (
    sequence             BIGINT  NOT NULL PRIMARY KEY CHECK (sequence > 0),
    event_time           BIGINT  NOT NULL,
    event_id             TEXT    NOT NULL,
    event_source         TEXT    NOT NULL,
    event_name           TEXT    NOT NULL,
    aws_region           TEXT    NOT NULL,
    recipient_account_id TEXT    NOT NULL,
    username             TEXT,
    access_key_id        TEXT,
    read_only            BOOLEAN NOT NULL,
    event_category       TEXT    NOT NULL CHECK (event_category IN ('MANAGEMENT', 'DATA')),
    event_json           TEXT    NOT NULL,
    resources            TEXT    NOT NULL,
    previous_hash        BYTEA   NOT NULL CHECK (octet_length(previous_hash) = 32),
    hash                 BYTEA   NOT NULL CHECK (octet_length(hash) = 32),
    scope_key            BIGINT  NOT NULL,
    event_id_key         BIGINT  NOT NULL,
    event_name_key       BIGINT  NOT NULL,
    event_source_key     BIGINT  NOT NULL,
    username_key         BIGINT,
    access_key_id_key    BIGINT
);
CREATE INDEX audit_records_by_scope ON audit_records (scope_key, read_only, event_time, sequence);
CREATE INDEX audit_records_by_event_name ON audit_records (event_name_key, event_time, sequence);
CREATE INDEX audit_records_by_event_source ON audit_records (event_source_key, event_time, sequence);
CREATE INDEX audit_records_by_username ON audit_records (username_key, event_time, sequence);
CREATE INDEX audit_records_by_access_key_id ON audit_records (access_key_id_key, event_time, sequence);
-- An event id names one record (almost always): its few matches are filtered and sorted directly.
CREATE INDEX audit_records_by_event_id ON audit_records (event_id_key);

-- The ResourceType and ResourceName values of each record, one row per distinct value (kind TYPE
-- or NAME), for the lookups by resource (a record names several). term_key stands for (kind,
-- account, category, value) like the keys above; the row repeats the record's time so that the
-- index alone gives the lookup order. No foreign key to audit_records: the repository writes both
-- in one transaction, and a check per row would slow every append.
CREATE TABLE audit_resource_terms (
    term_key   BIGINT  NOT NULL,
    event_time BIGINT  NOT NULL,
    sequence   BIGINT  NOT NULL,
    term_kind  TEXT    NOT NULL CHECK (term_kind IN ('TYPE', 'NAME')),
    term_value TEXT    NOT NULL
);
CREATE INDEX audit_resource_terms_by_key ON audit_resource_terms (term_key, event_time, sequence);

-- The last record's sequence and hash, (0, 32 zero bytes) before the first. Appenders read it
-- FOR UPDATE and move it in the transaction that inserts the records, so nodes take turns.
CREATE TABLE audit_chain_head (
    id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    sequence BIGINT  NOT NULL CHECK (sequence >= 0),
    hash     BYTEA   NOT NULL CHECK (octet_length(hash) = 32)
);
INSERT INTO audit_chain_head (id, sequence, hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));

-- One digest per interval: two nodes signing the same interval collide on a unique key.
CREATE TABLE audit_digests (
    digest_end                BIGINT NOT NULL PRIMARY KEY,
    digest_start              BIGINT NOT NULL UNIQUE,
    first_sequence            BIGINT NOT NULL,
    last_sequence             BIGINT NOT NULL,
    head_hash                 BYTEA  NOT NULL CHECK (octet_length(head_hash) = 32),
    previous_digest_signature BYTEA  NOT NULL,
    key_id                    TEXT   NOT NULL,
    signature                 BYTEA  NOT NULL
);

-- The private key is only ever stored wrapped by the root key; root-key rotation re-wraps it,
-- the one change this schema lets through.
CREATE TABLE audit_signing_keys (
    key_id              TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    wrapped_private_key BYTEA  NOT NULL,
    public_key          BYTEA  NOT NULL,
    created             BIGINT NOT NULL
);

-- Refuses the change that fired it; a DELETE goes through only for a member of the retention role.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'strongroom_audit_retention')
       AND pg_has_role(current_user, 'strongroom_audit_retention', 'MEMBER') THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% on % refused: the audit trail is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Refuses the change that fired it, to everyone.
CREATE FUNCTION audit_refuse_always() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % refused: the audit trail is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_always();
CREATE TRIGGER audit_resource_terms_append_only BEFORE UPDATE OR DELETE ON audit_resource_terms
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_resource_terms_no_truncate BEFORE TRUNCATE ON audit_resource_terms
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_always();
CREATE TRIGGER audit_digests_append_only BEFORE UPDATE OR DELETE ON audit_digests
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_digests_no_truncate BEFORE TRUNCATE ON audit_digests
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_always();
CREATE TRIGGER audit_signing_keys_no_delete BEFORE DELETE ON audit_signing_keys
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_always();
CREATE TRIGGER audit_signing_keys_no_truncate BEFORE TRUNCATE ON audit_signing_keys
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_always();
CREATE TRIGGER audit_signing_keys_only_rewrap BEFORE UPDATE ON audit_signing_keys
    FOR EACH ROW WHEN (OLD.key_id IS DISTINCT FROM NEW.key_id OR OLD.public_key IS DISTINCT FROM NEW.public_key
                       OR OLD.created IS DISTINCT FROM NEW.created)
    EXECUTE FUNCTION audit_refuse_always();
CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_always();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_always();
CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE ON audit_chain_head
    FOR EACH ROW WHEN (NEW.sequence < OLD.sequence)
    EXECUTE FUNCTION audit_refuse_always();
