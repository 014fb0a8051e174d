package io.strongroom.audit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.export.ExportCursor;
import io.strongroom.audit.export.ExportCursorRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ExportCursorRepository} must show. An implementation's test extends
 * this class and opens an empty store in {@link #openEmpty()}.
 */
public abstract class ExportCursorRepositoryContract {
    protected static final Instant T0 = Instant.parse("2025-03-04T05:06:07.123Z");

    protected ExportCursorRepository cursors;

    /** Opens the store on an empty database. */
    protected abstract ExportCursorRepository openEmpty() throws Exception;

    /** Releases what {@link #openEmpty()} opened. */
    protected void close() throws Exception {
    }

    @BeforeEach
    public void openStore() throws Exception {
        cursors = openEmpty();
    }

    @AfterEach
    public void closeStore() throws Exception {
        close();
    }

    @Test
    public void anExportWithoutDeliveriesHasNoCursor() {
        assertThat(cursors.find("file")).isEmpty();
        assertThat(cursors.deliveredThrough("file")).isZero();
        assertThat(cursors.list()).isEmpty();
    }

    @Test
    public void aCursorIsCreatedAndMovesForward() {
        assertThat(cursors.advance("syslog", 10, T0)).isTrue();
        assertThat(cursors.find("syslog")).contains(new ExportCursor("syslog", 10, T0));
        assertThat(cursors.advance("syslog", 25, T0.plusSeconds(1))).isTrue();
        assertThat(cursors.find("syslog")).contains(new ExportCursor("syslog", 25, T0.plusSeconds(1)));
        assertThat(cursors.deliveredThrough("syslog")).isEqualTo(25);
    }

    @Test
    public void aCursorNeverMovesBack() {
        cursors.advance("webhook", 25, T0);
        assertThat(cursors.advance("webhook", 24, T0.plusSeconds(5))).isFalse();
        assertThat(cursors.advance("webhook", 25, T0.plusSeconds(5))).isFalse();
        assertThat(cursors.find("webhook")).contains(new ExportCursor("webhook", 25, T0));
    }

    @Test
    public void cursorsAreKeptPerExportAndListedByName() {
        cursors.advance("webhook", 3, T0);
        cursors.advance("file", 7, T0.plusSeconds(1));
        cursors.advance("syslog", 5, T0.plusSeconds(2));
        assertThat(cursors.list()).containsExactly(new ExportCursor("file", 7, T0.plusSeconds(1)),
                new ExportCursor("syslog", 5, T0.plusSeconds(2)), new ExportCursor("webhook", 3, T0));
    }

    @Test
    public void aBadExportNameIsRefused() {
        assertThatThrownBy(() -> cursors.advance("Files!", 1, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cursors.find("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(cursors.list()).isEmpty();
    }

    @Test
    public void concurrentAdvancesKeepTheHighest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        cursors.advance("file", i * 4L + offset, T0);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cursors.deliveredThrough("file")).isEqualTo(99);
    }
}
