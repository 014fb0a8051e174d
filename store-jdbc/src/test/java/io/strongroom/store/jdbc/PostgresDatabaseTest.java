package io.strongroom.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PostgreSQL-specific behaviour; skipped with a notice when STRONGROOM_TEST_PG_URL is unset. */
class PostgresDatabaseTest {
    private static final String PASSWORD = "NotLogged-7f3a9c";
    @RegisterExtension
    static final PostgresTestDatabase.PerClass postgres = new PostgresTestDatabase.PerClass();

    @Test
    void aPasswordInTheUrlIsNeverLoggedNorShown() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level previous = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        String url = postgres.url() + (postgres.url().contains("?") ? "&" : "?") + "password=" + PASSWORD;
        try (Database database = Database.open(url)) {
            assertThat(database.vendor()).isEqualTo(Vendor.POSTGRESQL);
            assertThat(database.toString()).contains("password=****").doesNotContain(PASSWORD);
            String isolation = database.transactor().withConnection(c -> Sql.one(c, "SHOW transaction_isolation", r -> r.getString(1)))
                    .orElseThrow();
            assertThat(isolation).isEqualTo("read committed");
        } finally {
            root.removeHandler(capture);
            root.setLevel(previous);
        }
        assertThat(logged).isNotEmpty().noneMatch(line -> line.contains(PASSWORD));
    }
}
