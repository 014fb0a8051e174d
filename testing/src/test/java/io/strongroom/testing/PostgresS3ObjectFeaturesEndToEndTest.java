package io.strongroom.testing;

/** The S3 object features end to end with the object index and configuration documents on PostgreSQL. */
@UsePostgres
class PostgresS3ObjectFeaturesEndToEndTest extends S3ObjectFeaturesEndToEndTest {
}
