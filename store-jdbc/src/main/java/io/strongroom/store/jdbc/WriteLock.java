package io.strongroom.store.jdbc;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises write transactions inside the process. SQLite admits one writer at a time; queueing
 * writers on a fair lock is orderly, whereas letting them collide yields SQLITE_BUSY and retries.
 * PostgreSQL needs no such gate.
 */
abstract sealed class WriteLock {
    abstract void lock();

    abstract void unlock();

    static WriteLock forVendor(Vendor vendor) {
        return vendor == Vendor.SQLITE ? new Fair() : new None();
    }

    private static final class Fair extends WriteLock {
        private final ReentrantLock lock = new ReentrantLock(true);

        @Override
        void lock() {
            lock.lock();
        }

        @Override
        void unlock() {
            lock.unlock();
        }
    }

    private static final class None extends WriteLock {
        @Override
        void lock() {
        }

        @Override
        void unlock() {
        }
    }
}
