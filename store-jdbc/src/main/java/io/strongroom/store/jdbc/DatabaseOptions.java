package io.strongroom.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Tuning of a {@link Database}.
 *
 * @param poolSize      connections kept at most (SQLite: readers plus the one writer)
 * @param borrowTimeout how long a caller waits for a free connection before failing
 * @param busyTimeout   SQLite only: how long to wait on a lock held by another process
 * @param closeGrace    how long {@link Database#close()} waits for borrowed connections
 */
public record DatabaseOptions(int poolSize, Duration borrowTimeout, Duration busyTimeout, Duration closeGrace) {
    public DatabaseOptions {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
        requireNonNull(borrowTimeout, "borrowTimeout");
        requireNonNull(busyTimeout, "busyTimeout");
        requireNonNull(closeGrace, "closeGrace");
    }

    public static DatabaseOptions defaults() {
        return new DatabaseOptions(10, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    public DatabaseOptions withPoolSize(int size) {
        return new DatabaseOptions(size, borrowTimeout, busyTimeout, closeGrace);
    }
}
