package io.strongroom.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionPoolTest {
    @TempDir
    Path directory;

    AtomicInteger opened = new AtomicInteger();
    ConnectionFactory factory;

    @BeforeEach
    void factory() {
        SqliteConnectionFactory sqlite = new SqliteConnectionFactory(
                JdbcUrl.parse("jdbc:sqlite:" + directory.resolve("pool.db")), Duration.ofSeconds(1));
        factory = () -> {
            opened.incrementAndGet();
            return sqlite.open();
        };
    }

    @Test
    void reusesReturnedConnections() {
        try (ConnectionPool pool = new ConnectionPool(factory, 2, Duration.ofSeconds(1))) {
            Connection first = pool.borrow();
            pool.release(first);
            Connection again = pool.borrow();
            assertThat(again).isSameAs(first);
            pool.release(again);
            assertThat(opened).hasValue(1);
        }
    }

    @Test
    void isBoundedAndTimesOutWhenExhausted() {
        try (ConnectionPool pool = new ConnectionPool(factory, 2, Duration.ofMillis(100))) {
            Connection a = pool.borrow();
            Connection b = pool.borrow();
            assertThatThrownBy(pool::borrow).isInstanceOf(StoreException.class).hasMessageContaining("no database connection");
            pool.release(a);
            Connection c = pool.borrow();
            assertThat(c).isSameAs(a);
            pool.release(b);
            pool.release(c);
            assertThat(opened).hasValue(2);
        }
    }

    @Test
    void dropsAConnectionThatFailsValidation() throws Exception {
        try (ConnectionPool pool = new ConnectionPool(factory, 1, Duration.ofSeconds(1))) {
            Connection broken = pool.borrow();
            pool.release(broken);
            broken.close(); // it dies while idle
            Connection fresh = pool.borrow();
            assertThat(fresh).isNotSameAs(broken);
            assertThat(fresh.isValid(1)).isTrue();
            pool.release(fresh);
        }
    }

    @Test
    void returnsConnectionsInAutoCommitModeAndRollsBackLeftovers() throws Exception {
        try (ConnectionPool pool = new ConnectionPool(factory, 1, Duration.ofSeconds(1))) {
            Connection connection = pool.borrow();
            Sql.update(connection, "CREATE TABLE t (x INTEGER)");
            connection.setAutoCommit(false);
            Sql.update(connection, "INSERT INTO t VALUES (1)");
            pool.release(connection);

            Connection again = pool.borrow();
            assertThat(again.getAutoCommit()).isTrue();
            assertThat(Sql.count(again, "SELECT COUNT(*) FROM t")).isZero();
            pool.release(again);
        }
    }

    @Test
    void closeClosesIdleConnectionsAndLateReturns() throws Exception {
        ConnectionPool pool = new ConnectionPool(factory, 2, Duration.ofSeconds(1));
        Connection idle = pool.borrow();
        Connection inUse = pool.borrow();
        pool.release(idle);

        pool.close(Duration.ofMillis(50));

        assertThat(idle.isClosed()).isTrue();
        assertThat(inUse.isClosed()).isFalse();
        pool.release(inUse);
        assertThat(inUse.isClosed()).isTrue();
        assertThatThrownBy(pool::borrow).isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }
}
