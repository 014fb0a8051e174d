-- PostgreSQL twin of sqlite/V18__small_blobs.sql.
-- Small object bodies (already encrypted), kept in the database instead of one file each: a 4 KiB PUT
-- then costs one database commit instead of a file, its fsyncs, a rename and a directory fsync. Ids are
-- made by the store ('d' and 32 hex characters, never a file blob's form). created is UTC epoch
-- milliseconds.
CREATE TABLE small_blobs (
    id      TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    body    BYTEA   NOT NULL,
    created BIGINT  NOT NULL
);
-- Ciphertext does not compress: EXTERNAL stores large values out of line without trying to.
ALTER TABLE small_blobs ALTER COLUMN body SET STORAGE EXTERNAL;
