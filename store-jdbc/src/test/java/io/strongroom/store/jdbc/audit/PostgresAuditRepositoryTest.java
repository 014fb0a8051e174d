package io.strongroom.store.jdbc.audit;

import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on a fresh PostgreSQL database; skipped with a notice when STRONGROOM_TEST_PG_URL is unset. */
class PostgresAuditRepositoryTest extends JdbcAuditRepositoryContract {
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
        try (Connection connection = DriverManager.getConnection(postgres.url());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
        return Database.open(postgres.url());
    }

    @Override
    Database openSecondNode() {
        return Database.open(postgres.url());
    }
}
