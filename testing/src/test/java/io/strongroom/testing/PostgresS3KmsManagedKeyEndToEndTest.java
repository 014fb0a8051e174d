package io.strongroom.testing;

/** The AWS managed key aws/s3 and S3 Bucket Keys end to end with keys and the object index on PostgreSQL. */
@UsePostgres
class PostgresS3KmsManagedKeyEndToEndTest extends S3KmsManagedKeyEndToEndTest {
}
