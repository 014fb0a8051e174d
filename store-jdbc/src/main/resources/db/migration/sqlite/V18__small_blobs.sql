-- Small object bodies (already encrypted), kept in the database instead of one file each: a 4 KiB PUT
-- then costs one database commit instead of a file, its fsyncs, a rename and a directory fsync. Ids are
-- made by the store ('d' and 32 hex characters, never a file blob's form). A rowid table, not WITHOUT
-- ROWID: rows of kilobytes spill into overflow pages, which SQLite advises against in a WITHOUT ROWID
-- table. created is UTC epoch milliseconds.
CREATE TABLE small_blobs (
    id      TEXT    NOT NULL PRIMARY KEY,
    body    BLOB    NOT NULL,
    created INTEGER NOT NULL
);
