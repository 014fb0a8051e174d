package io.strongroom.store.jdbc.s3;

import io.strongroom.store.jdbc.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteMultipartRepositoryTest extends JdbcMultipartRepositoryContract {
    @TempDir
    Path dataDirectory;

    @Override
    Database openEmptyDatabase() {
        return Database.openSqlite(dataDirectory);
    }
}
