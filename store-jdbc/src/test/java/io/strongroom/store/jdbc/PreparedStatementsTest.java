package io.strongroom.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements kept per connection: reused, never shared between two users at once, bounded, dropped with the connection. */
class PreparedStatementsTest {
    @TempDir
    Path directory;

    Database database;
    JdbcTransactor tx;

    @BeforeEach
    void open() {
        database = Database.openSqlite(directory);
        tx = database.transactor();
        tx.atomically(c -> Sql.update(c, "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aStatementIsLentAgainWithItsParametersCleared() {
        tx.atomically(c -> Sql.update(c, "INSERT INTO things (id, name) VALUES (7, 'seven')"));
        tx.withConnection(c -> {
            PreparedStatement first = PreparedStatements.borrow(c, "SELECT name FROM things WHERE id = ?");
            first.setLong(1, 7);
            PreparedStatements.release(c, "SELECT name FROM things WHERE id = ?", first, true);
            PreparedStatement again = PreparedStatements.borrow(c, "SELECT name FROM things WHERE id = ?");
            assertThat(again).isSameAs(first);
            try (var rows = again.executeQuery()) {
                assertThat(rows.next()).as("no parameter survives its use (an unbound one is NULL)").isFalse();
            }
            PreparedStatements.release(c, "SELECT name FROM things WHERE id = ?", again, true);
            return null;
        });
    }

    @Test
    void aQueryMadeWhileTheSameQueryIsBeingReadGetsAStatementOfItsOwn() {
        tx.atomically(c -> {
            for (int id = 1; id <= 3; id++) {
                Sql.update(c, "INSERT INTO things (id, name) VALUES (?, ?)", id, "thing " + id);
            }
            return null;
        });
        // the mapper runs the very same SQL on the same connection while the outer result is open
        List<String> pairs = tx.withConnection(c -> Sql.list(c, "SELECT name FROM things WHERE id >= ? ORDER BY id",
                row -> row.getString(1) + "/" + Sql.list(c, "SELECT name FROM things WHERE id >= ? ORDER BY id",
                        inner -> inner.getString(1), 3).getFirst(), 1));
        assertThat(pairs).containsExactly("thing 1/thing 3", "thing 2/thing 3", "thing 3/thing 3");
    }

    @Test
    void aStatementThatFailedIsClosedNotKept() {
        String insert = "INSERT INTO things (id, name) VALUES (?, ?)";
        tx.withConnection(c -> {
            PreparedStatement failed = PreparedStatements.borrow(c, insert);
            PreparedStatements.release(c, insert, failed, false);
            assertThat(failed.isClosed()).isTrue();
            PreparedStatement next = PreparedStatements.borrow(c, insert);
            assertThat(next).isNotSameAs(failed);
            assertThat(next.isClosed()).isFalse();
            PreparedStatements.release(c, insert, next, true);
            return null;
        });
        // and through Sql: a statement that failed on a duplicate key leaves the next insert working
        tx.atomically(c -> Sql.update(c, insert, 1, "one"));
        assertThatThrownBy(() -> tx.atomically(c -> Sql.update(c, insert, 1, "again")))
                .isInstanceOf(StoreException.class);
        tx.atomically(c -> Sql.update(c, insert, 2, "two"));
        long rows = tx.withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM things"));
        assertThat(rows).isEqualTo(2);
    }

    @Test
    void aBatchRunsOnAKeptStatementAndAFailedBatchLeavesTheNextOneWorking() {
        String insert = "INSERT INTO things (id, name) VALUES (?, ?)";
        tx.atomically(c -> {
            Sql.batch(c, insert, statement -> addRows(statement, 1, 3));
            PreparedStatement kept = PreparedStatements.borrow(c, insert);
            assertThat(kept.isClosed()).isFalse();
            PreparedStatements.release(c, insert, kept, true);
            Sql.batch(c, insert, statement -> addRows(statement, 4, 5));
            assertThat(PreparedStatements.borrow(c, insert)).as("the batch used and returned the kept one")
                    .isSameAs(kept);
            PreparedStatements.release(c, insert, kept, true);
            return null;
        });
        // id 5 exists: the whole second batch fails in its transaction, then a batch after it works
        assertThatThrownBy(() -> tx.atomically(c -> {
            Sql.batch(c, insert, statement -> addRows(statement, 5, 6));
            return null;
        })).isInstanceOf(StoreException.class);
        tx.atomically(c -> {
            Sql.batch(c, insert, statement -> addRows(statement, 6, 7));
            return null;
        });
        List<Long> ids = tx.withConnection(c -> Sql.list(c, "SELECT id FROM things ORDER BY id", row -> row.getLong(1)));
        assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    private static void addRows(PreparedStatement statement, int firstId, int lastId) throws SQLException {
        for (int id = firstId; id <= lastId; id++) {
            statement.setLong(1, id);
            statement.setString(2, "thing " + id);
            statement.addBatch();
        }
    }

    @Test
    void eachConnectionKeepsABoundedNumberAndForgetsThemWhenClosed() {
        tx.withConnection(c -> {
            for (int i = 0; i < PreparedStatements.PER_CONNECTION + 10; i++) {
                Sql.count(c, "SELECT COUNT(*) FROM things WHERE id > " + i);
            }
            assertThat(PreparedStatements.idleCount(c)).isEqualTo(PreparedStatements.PER_CONNECTION);
            PreparedStatements.forget(c);
            assertThat(PreparedStatements.idleCount(c)).isZero();
            return null;
        });
    }
}
