package io.strongroom.testing;

/** Conditional writes end to end with the object index on PostgreSQL, where writers of a key meet at its advisory lock. */
@UsePostgres
class PostgresS3ConditionalWritesEndToEndTest extends S3ConditionalWritesEndToEndTest {
    PostgresS3ConditionalWritesEndToEndTest(StrongroomTestServer server) {
        super(server);
    }
}
