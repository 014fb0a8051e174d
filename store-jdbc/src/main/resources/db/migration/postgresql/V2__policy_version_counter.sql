-- PostgreSQL twin of sqlite/V2__policy_version_counter.sql.
-- Each managed policy numbers its versions from a counter of its own that never goes back, so the
-- id of a deleted version is never given out again (IAM: after v1..v3 and deleting v3, the next is
-- v4). Existing policies continue after their highest surviving version: the best the old schema
-- can tell, since it kept no record of versions already deleted.
ALTER TABLE managed_policies ADD COLUMN next_version_number INTEGER NOT NULL DEFAULT 1
    CHECK (next_version_number > 0);

UPDATE managed_policies
SET next_version_number = 1 + COALESCE(
    (SELECT MAX(v.version_number) FROM policy_versions v WHERE v.policy_arn = managed_policies.arn), 0);
