-- PostgreSQL twin of sqlite/V6__audit_export_and_retention.sql.
-- Audit export cursors and retention.
--
-- Each export (a JSON-lines directory, a syslog receiver, a webhook) keeps the last sequence it
-- delivered; the exporter moves it only after the destination confirmed, and only forward.
--
-- Retention deletes the oldest records as a prefix. A purge is recorded first, in the same
-- transaction: it must end where a stored digest ends (and carry the head hash that digest
-- signed, the anchor the oldest kept record chains from), lie after the previous purge and before
-- the chain head. The DELETE triggers of V4 on records and resource terms are replaced by ones
-- that let through the deletion of rows up to the latest purge (and, as before, deletions by
-- members of the role strongroom_audit_retention); UPDATE and TRUNCATE stay refused.

CREATE TABLE audit_export_cursors (
    export_name       TEXT   NOT NULL PRIMARY KEY,
    delivered_through BIGINT NOT NULL CHECK (delivered_through >= 0),
    updated           BIGINT NOT NULL
);
CREATE FUNCTION audit_export_cursor_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.delivered_through < OLD.delivered_through OR NEW.export_name <> OLD.export_name THEN
        RAISE EXCEPTION 'an audit export cursor only moves forward' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_export_cursors_forward_only BEFORE UPDATE ON audit_export_cursors
    FOR EACH ROW EXECUTE FUNCTION audit_export_cursor_forward_only();

CREATE TABLE audit_purges (
    through_sequence BIGINT NOT NULL PRIMARY KEY CHECK (through_sequence > 0),
    anchor_hash      BYTEA  NOT NULL CHECK (octet_length(anchor_hash) = 32),
    purged_at        BIGINT NOT NULL
);
-- The purge check looks digests up by the sequence they end at.
CREATE INDEX audit_digests_by_last_sequence ON audit_digests (last_sequence);

CREATE FUNCTION audit_check_purge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.through_sequence <= COALESCE((SELECT MAX(through_sequence) FROM audit_purges), 0)
       OR NEW.through_sequence >= (SELECT sequence FROM audit_chain_head WHERE id = 1)
       OR NOT EXISTS (SELECT 1 FROM audit_digests
                      WHERE last_sequence = NEW.through_sequence AND head_hash = NEW.anchor_hash) THEN
        RAISE EXCEPTION 'an audit purge must end where a digest ends, after the previous purge and before the chain head'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_purges_where_a_digest_ends BEFORE INSERT ON audit_purges
    FOR EACH ROW EXECUTE FUNCTION audit_check_purge();
CREATE TRIGGER audit_purges_append_only BEFORE UPDATE OR DELETE ON audit_purges
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_always();
CREATE TRIGGER audit_purges_no_truncate BEFORE TRUNCATE ON audit_purges
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_always();

-- Lets through the deletion of a row up to the latest purge; anything else goes to V4's rule.
CREATE FUNCTION audit_refuse_unpurged_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.sequence <= COALESCE((SELECT MAX(through_sequence) FROM audit_purges), 0) THEN
        RETURN OLD;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'strongroom_audit_retention')
       AND pg_has_role(current_user, 'strongroom_audit_retention', 'MEMBER') THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% on % refused: the audit trail is append-only; only a recorded purge deletes the oldest',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER audit_records_append_only ON audit_records;
CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_always();
CREATE TRIGGER audit_records_delete_only_purged BEFORE DELETE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_unpurged_delete();
DROP TRIGGER audit_resource_terms_append_only ON audit_resource_terms;
CREATE TRIGGER audit_resource_terms_no_update BEFORE UPDATE ON audit_resource_terms
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_always();
CREATE TRIGGER audit_resource_terms_delete_only_purged BEFORE DELETE ON audit_resource_terms
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_unpurged_delete();
