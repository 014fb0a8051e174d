package io.strongroom.store.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL database per test class, created through {@code STRONGROOM_TEST_PG_URL} and
 * dropped afterwards. Without the variable the PostgreSQL tests are skipped with a notice.
 */
public final class PostgresTestDatabase implements AutoCloseable {
    public static final String VARIABLE = "STRONGROOM_TEST_PG_URL";

    private final String adminUrl;
    private final String name;

    private PostgresTestDatabase(String adminUrl, String name) {
        this.adminUrl = adminUrl;
        this.name = name;
    }

    /** Creates the database, or skips the calling test when no PostgreSQL is configured. */
    public static PostgresTestDatabase create() throws SQLException {
        Optional<String> adminUrl = adminUrl();
        if (adminUrl.isEmpty()) {
            System.out.println("NOTICE: " + VARIABLE + " is not set; skipping the PostgreSQL store tests.");
        }
        assumeTrue(adminUrl.isPresent(), VARIABLE + " is not set");
        return create(adminUrl.get());
    }

    /** The admin URL from the system property, else the environment. */
    public static Optional<String> adminUrl() {
        String value = System.getProperty(VARIABLE);
        if (value == null || value.isBlank()) {
            value = System.getenv(VARIABLE);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Creates a database with a fresh name through the given admin URL. */
    public static PostgresTestDatabase create(String adminUrl) throws SQLException {
        String name = "strongroom_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(adminUrl, "CREATE DATABASE " + name);
        return new PostgresTestDatabase(adminUrl, name);
    }

    /** The admin URL with its database replaced by the fresh one (query parameters kept). */
    public String url() {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String server = slash < 0 ? base : base.substring(0, slash);
        return server + "/" + name + parameters;
    }

    /** Empties the fresh database (its public schema, migrations included) and returns its URL. */
    public String emptiedUrl() throws SQLException {
        execute(url(), "DROP SCHEMA public CASCADE");
        execute(url(), "CREATE SCHEMA public");
        return url();
    }

    @Override
    public void close() throws SQLException {
        execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String url, String sql) throws SQLException {
        JdbcUrl parsed = JdbcUrl.parse(url);
        try (Connection connection = DriverManager.getConnection(parsed.driverUrl(), parsed.connectionProperties());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * A fresh database for one test class, created before its tests and dropped after them;
     * register it as {@code @RegisterExtension static final PostgresTestDatabase.PerClass postgres}.
     * Without {@value #VARIABLE} the class is skipped with a notice, as {@link #create()} does.
     */
    public static final class PerClass implements BeforeAllCallback, AfterAllCallback {
        private PostgresTestDatabase database;

        @Override
        public void beforeAll(ExtensionContext context) throws SQLException {
            database = create();
        }

        @Override
        public void afterAll(ExtensionContext context) throws SQLException {
            if (database != null) {
                database.close();
            }
        }

        public String url() {
            return database.url();
        }

        /** See {@link PostgresTestDatabase#emptiedUrl()}. */
        public String emptiedUrl() throws SQLException {
            return database.emptiedUrl();
        }
    }
}
