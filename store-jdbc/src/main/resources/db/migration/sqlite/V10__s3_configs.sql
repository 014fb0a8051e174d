-- S3 configuration documents by scope ('bucket/<name>' or 'account/<id>') and kind (a bucket policy,
-- a public access block, default encryption, tags, a lifecycle…), each as the S3 domain writes it.
-- A bucket's documents are deleted with the bucket.
CREATE TABLE s3_configs (
    scope    TEXT NOT NULL,
    kind     TEXT NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (scope, kind)
);
