package io.strongroom.store.jdbc.kms;

import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The material source on a fresh PostgreSQL database (BYTEA compare-and-set); skipped without STRONGROOM_TEST_PG_URL. */
class PostgresKeyMaterialSourceTest extends JdbcKeyMaterialSourceContract {
    @RegisterExtension
    static final PostgresTestDatabase.PerClass postgres = new PostgresTestDatabase.PerClass();

    @Override
    Database openEmptyDatabase() throws Exception {
        return Database.open(postgres.emptiedUrl());
    }
}
