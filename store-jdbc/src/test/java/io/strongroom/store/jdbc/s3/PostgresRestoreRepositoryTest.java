package io.strongroom.store.jdbc.s3;

import io.strongroom.s3.RestoreRepository;
import io.strongroom.s3.testing.RestoreRepositoryContract;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on a fresh PostgreSQL database; skipped with a notice when STRONGROOM_TEST_PG_URL is unset. */
class PostgresRestoreRepositoryTest extends RestoreRepositoryContract {
    @RegisterExtension
    static final PostgresTestDatabase.PerClass postgres = new PostgresTestDatabase.PerClass();
    private Database database;

    @Override
    protected RestoreRepository openEmpty() throws Exception {
        database = Database.open(postgres.emptiedUrl());
        return new JdbcRestoreRepository(database.transactor());
    }

    @Override
    protected void close() {
        database.close();
    }
}
