package io.strongroom.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection; the store turns a {@link SQLException} into a {@link StoreException}. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
