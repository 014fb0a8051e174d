-- Audit export cursors and retention.
--
-- Each export (a JSON-lines directory, a syslog receiver, a webhook) keeps the last sequence it
-- delivered; the exporter moves it only after the destination confirmed, and only forward.
--
-- Retention deletes the oldest records as a prefix. A purge is recorded first, in the same
-- transaction: it must end where a stored digest ends (and carry the head hash that digest
-- signed, the anchor the oldest kept record chains from), lie after the previous purge and before
-- the chain head. The append-only triggers of V4 are replaced by ones that let through the
-- deletion of records (and their resource terms) up to the latest purge, and nothing else.

CREATE TABLE audit_export_cursors (
    export_name       TEXT    NOT NULL PRIMARY KEY,
    delivered_through INTEGER NOT NULL CHECK (delivered_through >= 0),
    updated           INTEGER NOT NULL
);
CREATE TRIGGER audit_export_cursors_forward_only BEFORE UPDATE ON audit_export_cursors
    WHEN NEW.delivered_through < OLD.delivered_through OR NEW.export_name <> OLD.export_name
BEGIN
    SELECT RAISE(ABORT, 'an audit export cursor only moves forward');
END;

CREATE TABLE audit_purges (
    through_sequence INTEGER NOT NULL PRIMARY KEY CHECK (through_sequence > 0),
    anchor_hash      BLOB    NOT NULL CHECK (length(anchor_hash) = 32),
    purged_at        INTEGER NOT NULL
);
-- The purge check looks digests up by the sequence they end at.
CREATE INDEX audit_digests_by_last_sequence ON audit_digests (last_sequence);

CREATE TRIGGER audit_purges_where_a_digest_ends BEFORE INSERT ON audit_purges
    WHEN NEW.through_sequence <= (SELECT COALESCE(MAX(through_sequence), 0) FROM audit_purges)
      OR NEW.through_sequence >= (SELECT sequence FROM audit_chain_head WHERE id = 1)
      OR NOT EXISTS (SELECT 1 FROM audit_digests
                     WHERE last_sequence = NEW.through_sequence AND head_hash = NEW.anchor_hash)
BEGIN
    SELECT RAISE(ABORT, 'an audit purge must end where a digest ends, after the previous purge and before the chain head');
END;
CREATE TRIGGER audit_purges_no_update BEFORE UPDATE ON audit_purges
BEGIN
    SELECT RAISE(ABORT, 'audit purges are append-only');
END;
CREATE TRIGGER audit_purges_no_delete BEFORE DELETE ON audit_purges
BEGIN
    SELECT RAISE(ABORT, 'audit purges are append-only');
END;

DROP TRIGGER audit_records_no_delete;
CREATE TRIGGER audit_records_delete_only_purged BEFORE DELETE ON audit_records
    WHEN OLD.sequence > (SELECT COALESCE(MAX(through_sequence), 0) FROM audit_purges)
BEGIN
    SELECT RAISE(ABORT, 'audit records are append-only: only a recorded purge deletes the oldest');
END;
DROP TRIGGER audit_resource_terms_no_delete;
CREATE TRIGGER audit_resource_terms_delete_only_purged BEFORE DELETE ON audit_resource_terms
    WHEN OLD.sequence > (SELECT COALESCE(MAX(through_sequence), 0) FROM audit_purges)
BEGIN
    SELECT RAISE(ABORT, 'audit records are append-only: only a recorded purge deletes the oldest');
END;
