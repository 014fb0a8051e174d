package io.strongroom.server.cli;

import io.strongroom.store.jdbc.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tamper tests on PostgreSQL: one fresh database for the class, emptied before each test. */
class PostgresAuditEvidenceTamperTest extends AuditEvidenceTamperContract {
    @RegisterExtension
    static final PostgresTestDatabase.PerClass database = new PostgresTestDatabase.PerClass();

    @Override
    String freshStoreUrl() throws SQLException {
        return database.emptiedUrl();
    }

    /** A superuser (or the tables' owner) can switch the triggers off for a session. */
    @Override
    void disableAppendOnlyGuards(Connection connection) throws SQLException {
        update(connection, "SET session_replication_role = replica");
    }
}
