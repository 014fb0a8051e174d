package io.strongroom.store.jdbc.blob;

import io.strongroom.store.jdbc.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteBlobStoreTest extends JdbcBlobStoreContract {
    @TempDir
    Path dataDirectory;

    @Override
    Database openEmptyDatabase() {
        return Database.openSqlite(dataDirectory);
    }
}
