package io.strongroom.testing;

/** Archive storage classes, restores and upload aborts end to end with the store on PostgreSQL. */
@UsePostgres
class PostgresS3ArchiveEndToEndTest extends S3ArchiveEndToEndTest {
}
