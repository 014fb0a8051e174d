package io.strongroom.store.jdbc.identity;

import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on a fresh PostgreSQL database; skipped with a notice when STRONGROOM_TEST_PG_URL is unset. */
class PostgresIdentityRepositoryTest extends IdentityRepositoryContract {
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
    Database openEmpty() throws Exception {
        return Database.open(emptyDatabaseUrl());
    }

    @Override
    String emptyDatabaseUrl() throws Exception {
        return postgres.emptiedUrl();
    }

    @Override
    Database reopen() {
        return Database.open(postgres.url());
    }
}
