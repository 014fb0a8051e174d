package io.strongroom.store.jdbc.s3;

import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on a fresh PostgreSQL database; skipped with a notice when STRONGROOM_TEST_PG_URL is unset. */
class PostgresS3RepositoryTest extends JdbcS3RepositoryContract {
    @RegisterExtension
    static final PostgresTestDatabase.PerClass postgres = new PostgresTestDatabase.PerClass();

    /** Each test starts from an empty schema that the store migrates itself. */
    @Override
    Database openEmptyDatabase() throws Exception {
        return Database.open(postgres.emptiedUrl());
    }
}
