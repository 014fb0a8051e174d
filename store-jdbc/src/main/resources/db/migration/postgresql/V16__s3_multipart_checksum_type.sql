-- The type of a multipart upload's checksum: COMPOSITE (a checksum of the parts' checksums) or
-- FULL_OBJECT (a CRC of the whole body, combined from the parts'). Uploads before it were COMPOSITE.
ALTER TABLE s3_multipart_uploads ADD COLUMN checksum_type TEXT NOT NULL DEFAULT 'COMPOSITE'
    CHECK (checksum_type IN ('COMPOSITE', 'FULL_OBJECT'));
