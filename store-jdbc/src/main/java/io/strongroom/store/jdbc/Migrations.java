package io.strongroom.store.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings the schema up to date with the vendor's Flyway migrations; a no-op when it already is. */
final class Migrations {
    private Migrations() {
    }

    /** Returns how many migrations were applied. */
    static int apply(Vendor vendor, ConnectionFactory connections) {
        try {
            return Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(new FactoryDataSource(connections))
                    .locations(vendor.migrationLocation())
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("database migration failed", e);
        }
    }

    /** Checks that the schema is exactly this version's: no migration pending, none unknown. Changes nothing. */
    static void validate(Vendor vendor, ConnectionFactory connections) {
        try {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(new FactoryDataSource(connections))
                    .locations(vendor.migrationLocation())
                    .failOnMissingLocations(true)
                    .cleanDisabled(true)
                    .load()
                    .validate();
        } catch (FlywayException e) {
            throw new StoreException("the store's schema is not this version's (start the server once to migrate"
                    + " it, or use the matching version of strongroom)", e);
        }
    }

    /** Hands Flyway unpooled connections configured exactly like the store's own. */
    private record FactoryDataSource(ConnectionFactory factory) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return factory.open();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("credentials come from the store URL");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
