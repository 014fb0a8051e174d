package io.strongroom.store.jdbc.blob;

import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The small-blob store on a fresh PostgreSQL database; skipped without STRONGROOM_TEST_PG_URL. */
class PostgresBlobStoreTest extends JdbcBlobStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase.PerClass postgres = new PostgresTestDatabase.PerClass();

    @Override
    Database openEmptyDatabase() throws Exception {
        return Database.open(postgres.emptiedUrl());
    }
}
