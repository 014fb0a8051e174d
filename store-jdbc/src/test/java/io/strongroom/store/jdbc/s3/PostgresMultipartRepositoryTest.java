package io.strongroom.store.jdbc.s3;

import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on a fresh PostgreSQL database; skipped with a notice when STRONGROOM_TEST_PG_URL is unset. */
class PostgresMultipartRepositoryTest extends JdbcMultipartRepositoryContract {
    @RegisterExtension
    static final PostgresTestDatabase.PerClass postgres = new PostgresTestDatabase.PerClass();

    @Override
    Database openEmptyDatabase() throws Exception {
        return Database.open(postgres.emptiedUrl());
    }
}
