package io.strongroom.store.jdbc.identity;

import io.strongroom.store.jdbc.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteIdentityRepositoryTest extends IdentityRepositoryContract {
    @TempDir
    Path dataDirectory;

    @Override
    Database openEmpty() {
        return Database.openSqlite(dataDirectory);
    }

    @Override
    Database reopen() {
        return Database.openSqlite(dataDirectory);
    }
}
