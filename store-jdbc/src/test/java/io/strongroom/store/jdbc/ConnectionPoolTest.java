package io.strongroom.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
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
    void onlyAConnectionIdleLongerThanTheTrustedSpanCostsAValidationRoundTrip() {
        AtomicInteger validations = new AtomicInteger();
        AtomicBoolean answerValid = new AtomicBoolean(true);
        ConnectionFactory counting = () -> {
            Connection real = factory.open();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("isValid")) {
                            validations.incrementAndGet();
                            return answerValid.get();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
        try (ConnectionPool trusting = new ConnectionPool(counting, 1, Duration.ofSeconds(1))) {
            Connection first = trusting.borrow();
            trusting.release(first);
            assertThat(trusting.borrow()).isSameAs(first);
            trusting.release(first);
            assertThat(validations).hasValue(0);
        }
        try (ConnectionPool validating = new ConnectionPool(counting, 1, Duration.ofSeconds(1), Duration.ZERO)) {
            Connection first = validating.borrow();
            validating.release(first);
            answerValid.set(false); // it died while idle without the driver noticing
            Connection next = validating.borrow();
            assertThat(next).isNotSameAs(first);
            assertThat(validations).hasValue(1);
            validating.release(next);
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
