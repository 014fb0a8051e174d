package io.strongroom.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.testing.RecordedLogs;
import java.util.Arrays;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PostgreSQL-specific behaviour; skipped with a notice when STRONGROOM_TEST_PG_URL is unset. */
class PostgresDatabaseTest {
    private static final String PASSWORD = "NotLogged-7f3a9c";
    @RegisterExtension
    static final PostgresTestDatabase.PerClass postgres = new PostgresTestDatabase.PerClass();

    @Test
    void aPasswordInTheUrlIsNeverLoggedNorShown() {
        String url = postgres.url() + (postgres.url().contains("?") ? "&" : "?") + "password=" + PASSWORD;
        RecordedLogs logs = RecordedLogs.of("", Level.ALL);
        try (logs; Database database = Database.open(url)) {
            assertThat(database.vendor()).isEqualTo(Vendor.POSTGRESQL);
            assertThat(database.toString()).contains("password=****").doesNotContain(PASSWORD);
            String isolation = database.transactor().withConnection(c -> Sql.one(c, "SHOW transaction_isolation", r -> r.getString(1)))
                    .orElseThrow();
            assertThat(isolation).isEqualTo("read committed");
        }
        assertThat(logs.records()).isNotEmpty().noneMatch(record -> (record.getMessage() + " "
                + Arrays.toString(record.getParameters())).contains(PASSWORD));
    }
}
