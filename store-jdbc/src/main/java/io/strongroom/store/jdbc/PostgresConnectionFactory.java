package io.strongroom.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** PostgreSQL connections at READ COMMITTED; passwords travel as properties, never in the URL. */
final class PostgresConnectionFactory implements ConnectionFactory {
    private final JdbcUrl url;

    PostgresConnectionFactory(JdbcUrl url) {
        this.url = requireNonNull(url, "url");
    }

    @Override
    public Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection(url.driverUrl(), url.connectionProperties());
        try {
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
