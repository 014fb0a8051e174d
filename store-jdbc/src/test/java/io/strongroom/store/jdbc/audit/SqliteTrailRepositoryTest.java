package io.strongroom.store.jdbc.audit;

import io.strongroom.store.jdbc.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteTrailRepositoryTest extends JdbcTrailRepositoryContract {
    @TempDir
    Path dataDirectory;

    @Override
    Database openEmptyDatabase() {
        return Database.openSqlite(dataDirectory);
    }

    @Override
    Database openSecondNode() {
        return Database.openSqlite(dataDirectory);
    }
}
