package io.strongroom.store.jdbc.identity;

import io.strongroom.store.jdbc.Database;
import java.io.IOException;
import java.nio.file.Files;
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

    @Override
    String emptyDatabaseUrl() throws IOException {
        return Database.sqliteUrl(Files.createDirectories(dataDirectory.resolve("empty")));
    }
}
