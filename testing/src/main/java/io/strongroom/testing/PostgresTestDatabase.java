package io.strongroom.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/** A fresh PostgreSQL database made through {@code STRONGROOM_TEST_PG_URL}, dropped on close. */
final class PostgresTestDatabase implements AutoCloseable {

    static final String VARIABLE = "STRONGROOM_TEST_PG_URL";

    private final String adminUrl;
    private final String name;

    private PostgresTestDatabase(String adminUrl, String name) {
        this.adminUrl = adminUrl;
        this.name = name;
    }

    /** The admin URL from the system property, else the environment. */
    static Optional<String> adminUrl() {
        String value = System.getProperty(VARIABLE);
        if (value == null || value.isBlank()) {
            value = System.getenv(VARIABLE);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    static PostgresTestDatabase create(String adminUrl) throws SQLException {
        String name = "strongroom_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(adminUrl, "CREATE DATABASE " + name);
        return new PostgresTestDatabase(adminUrl, name);
    }

    /** The admin URL with its database replaced by the fresh one (query parameters kept). */
    String url() {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String server = slash < 0 ? base : base.substring(0, slash);
        return server + "/" + name + parameters;
    }

    @Override
    public void close() throws SQLException {
        execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
