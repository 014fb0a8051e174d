package io.strongroom.store.jdbc.s3;

import io.strongroom.s3.RestoreRepository;
import io.strongroom.s3.testing.RestoreRepositoryContract;
import io.strongroom.store.jdbc.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteRestoreRepositoryTest extends RestoreRepositoryContract {
    @TempDir
    Path dataDirectory;
    private Database database;

    @Override
    protected RestoreRepository openEmpty() {
        database = Database.openSqlite(dataDirectory);
        return new JdbcRestoreRepository(database.transactor());
    }

    @Override
    protected void close() {
        database.close();
    }
}
