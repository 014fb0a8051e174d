-- The ACL and owner a multipart upload's object gets on completion (x-amz-acl, x-amz-grant-* and
-- Object Ownership at CreateMultipartUpload), in the s3 module's StoredAcl text; null for the bucket
-- owner's private ACL, which uploads before it all had.
ALTER TABLE s3_multipart_uploads ADD COLUMN acl TEXT;
