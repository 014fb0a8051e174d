package io.strongroom.testing;

/** Object Lock end to end with the lock state and configuration documents on PostgreSQL. */
@UsePostgres
class PostgresS3ObjectLockEndToEndTest extends S3ObjectLockEndToEndTest {
}
