package io.strongroom.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new, fully configured physical connection. */
@FunctionalInterface
interface ConnectionFactory {
    Connection open() throws SQLException;
}
