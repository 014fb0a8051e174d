package io.strongroom.server.cli;

import io.strongroom.store.jdbc.Database;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The tamper tests on an SQLite store file. */
class SqliteAuditEvidenceTamperTest extends AuditEvidenceTamperContract {

    @Override
    String freshStoreUrl() throws Exception {
        return Database.sqliteUrl(Files.createDirectories(temp.resolve("store")));
    }

    /** Whoever can write the file can drop the triggers. */
    @Override
    void disableAppendOnlyGuards(Connection connection) throws SQLException {
        List<String> triggers = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                     + " AND tbl_name LIKE 'audit%'")) {
            while (rows.next()) {
                triggers.add(rows.getString(1));
            }
        }
        for (String trigger : triggers) {
            update(connection, "DROP TRIGGER " + trigger);
        }
    }
}
