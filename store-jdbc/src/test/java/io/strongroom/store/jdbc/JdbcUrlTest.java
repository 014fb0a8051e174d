package io.strongroom.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlTest {
    @Test
    void detectsTheVendor() {
        assertThat(JdbcUrl.parse("jdbc:sqlite:/tmp/x.db").vendor()).isEqualTo(Vendor.SQLITE);
        assertThat(JdbcUrl.parse("jdbc:postgresql://db:5432/strongroom").vendor()).isEqualTo(Vendor.POSTGRESQL);
        assertThat(Vendor.SQLITE.migrationLocation()).isEqualTo("classpath:db/migration/sqlite");
        assertThat(Vendor.POSTGRESQL.migrationLocation()).isEqualTo("classpath:db/migration/postgresql");
    }

    @Test
    void movesPasswordsOutOfTheUrlTheDriverSees() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://db/strongroom?user=app&password=s%3Dcret&sslpassword=k3y&ssl=true");

        assertThat(url.driverUrl()).isEqualTo("jdbc:postgresql://db/strongroom?user=app&ssl=true");
        assertThat(url.connectionProperties()).containsEntry("password", "s=cret").containsEntry("sslpassword", "k3y");
        assertThat(url.toString())
                .isEqualTo("jdbc:postgresql://db/strongroom?user=app&password=****&sslpassword=****&ssl=true")
                .doesNotContain("s%3Dcret", "k3y");
    }

    @Test
    void redactsWithoutParsing() {
        assertThat(JdbcUrl.redact("jdbc:mysql://h/db?Password=hunter2&x=1")).isEqualTo("jdbc:mysql://h/db?Password=****&x=1");
        assertThat(JdbcUrl.redact("jdbc:sqlite:/data/strongroom.db")).isEqualTo("jdbc:sqlite:/data/strongroom.db");
    }

    @Test
    void refusesOtherVendorsWithoutRepeatingTheSecret() {
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:mysql://h/db?password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported database URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void refusesAnInMemorySqliteDatabase() {
        assertThatThrownBy(() -> Database.open("jdbc:sqlite::memory:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in-memory");
    }
}
