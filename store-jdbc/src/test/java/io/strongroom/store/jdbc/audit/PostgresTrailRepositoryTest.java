package io.strongroom.store.jdbc.audit;

import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on a fresh PostgreSQL database; skipped with a notice when STRONGROOM_TEST_PG_URL is unset. */
class PostgresTrailRepositoryTest extends JdbcTrailRepositoryContract {
    private static PostgresTestDatabase postgres;

    @BeforeAll
    static void createDatabase() throws Exception {
        postgres = PostgresTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Each test starts from an empty schema that the store migrates itself. */
    @Override
    Database openEmptyDatabase() throws Exception {
        return Database.open(postgres.emptiedUrl());
    }

    @Override
    Database openSecondNode() {
        return Database.open(postgres.url());
    }
}
