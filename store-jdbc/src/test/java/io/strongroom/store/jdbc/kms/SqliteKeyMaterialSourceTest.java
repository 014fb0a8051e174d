package io.strongroom.store.jdbc.kms;

import io.strongroom.store.jdbc.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteKeyMaterialSourceTest extends JdbcKeyMaterialSourceContract {
    @TempDir
    Path dataDirectory;

    @Override
    Database openEmptyDatabase() {
        return Database.openSqlite(dataDirectory);
    }
}
