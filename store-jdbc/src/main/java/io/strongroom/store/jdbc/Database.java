package io.strongroom.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The metadata store: opened from a JDBC URL ({@code jdbc:sqlite:/path/strongroom.db} or
 * {@code jdbc:postgresql://…}), migrated to the current schema on open, and the owner of the
 * connections its {@link #transactor()} hands out. {@link #close()} releases everything.
 */
public final class Database implements AutoCloseable {
    /** The SQLite file's name inside the data directory. */
    public static final String SQLITE_FILE_NAME = "strongroom.db";

    private static final System.Logger LOG = System.getLogger(Database.class.getName());

    private final JdbcUrl url;
    private final DatabaseOptions options;
    private final ConnectionPool pool;
    private final JdbcTransactor transactor;
    private final Optional<SqliteCheckpointer> checkpointer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(JdbcUrl url, DatabaseOptions options, ConnectionPool pool, Optional<SqliteCheckpointer> checkpointer) {
        this.url = url;
        this.options = options;
        this.pool = pool;
        this.checkpointer = checkpointer;
        this.transactor = new JdbcTransactor(pool, url.vendor());
    }

    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, DatabaseOptions.defaults());
    }

    public static Database open(String jdbcUrl, DatabaseOptions options) {
        requireNonNull(options, "options");
        JdbcUrl url = JdbcUrl.parse(jdbcUrl);
        ConnectionFactory factory = switch (url.vendor()) {
            case SQLITE -> {
                prepareSqliteFile(url);
                yield new SqliteConnectionFactory(url, options.busyTimeout());
            }
            case POSTGRESQL -> new PostgresConnectionFactory(url);
        };
        int applied = Migrations.apply(url.vendor(), factory);
        LOG.log(System.Logger.Level.INFO, "store opened at {0} ({1} migrations applied)", url, applied);
        Optional<SqliteCheckpointer> checkpointer = url.vendor() == Vendor.SQLITE
                ? Optional.of(SqliteCheckpointer.start(factory, SqliteCheckpointer.INTERVAL))
                : Optional.empty();
        return new Database(url, options, new ConnectionPool(factory, options.poolSize(), options.borrowTimeout()),
                checkpointer);
    }

    /**
     * Opens a store that already exists at exactly this version's schema, for tools that only read (such
     * as {@code strongroom explain}): it creates no file and applies no migration, so it can never change
     * a store that running servers use. Fails when the store is missing or its schema differs.
     */
    public static Database openExisting(String jdbcUrl) {
        JdbcUrl url = JdbcUrl.parse(jdbcUrl);
        DatabaseOptions options = DatabaseOptions.defaults().withPoolSize(1);
        ConnectionFactory factory = switch (url.vendor()) {
            case SQLITE -> {
                requireSqliteFile(url);
                yield new SqliteConnectionFactory(url, options.busyTimeout());
            }
            case POSTGRESQL -> new PostgresConnectionFactory(url);
        };
        Migrations.validate(url.vendor(), factory);
        return new Database(url, options, new ConnectionPool(factory, options.poolSize(), options.borrowTimeout()),
                Optional.empty());
    }

    /** Opens (creating it if needed) the embedded SQLite store of a data directory. */
    public static Database openSqlite(Path dataDirectory) {
        return open(sqliteUrl(dataDirectory));
    }

    /** {@code jdbc:sqlite:<dataDirectory>/strongroom.db}, the default when no URL is configured. */
    public static String sqliteUrl(Path dataDirectory) {
        return Vendor.SQLITE.urlPrefix() + dataDirectory.toAbsolutePath().resolve(SQLITE_FILE_NAME);
    }

    public Vendor vendor() {
        return url.vendor();
    }

    public JdbcTransactor transactor() {
        return transactor;
    }

    public DatabaseOptions options() {
        return options;
    }

    /** Waits up to the close grace for borrowed connections, then closes every connection. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            checkpointer.ifPresent(SqliteCheckpointer::close);
            pool.close(options.closeGrace());
            LOG.log(System.Logger.Level.INFO, "store closed at {0}", url);
        }
    }

    /** The URL with its password masked. */
    @Override
    public String toString() {
        return "Database[" + url + "]";
    }

    /**
     * Creates the directory and an owner-only database file before SQLite does, so the file (and
     * the -wal and -shm files SQLite gives the same mode) is never readable by other users.
     * In-memory databases are refused: every pooled connection would see a different one.
     */
    private static void requireSqliteFile(JdbcUrl url) {
        String location = url.driverUrl().substring(Vendor.SQLITE.urlPrefix().length());
        int query = location.indexOf('?');
        String path = query < 0 ? location : location.substring(0, query);
        if (!path.startsWith("file:") && !Files.isRegularFile(Path.of(path))) {
            throw new StoreException("no store at " + path);
        }
    }

    private static void prepareSqliteFile(JdbcUrl url) {
        String location = url.driverUrl().substring(Vendor.SQLITE.urlPrefix().length());
        int query = location.indexOf('?');
        String path = query < 0 ? location : location.substring(0, query);
        if (path.isEmpty() || path.contains(":memory:") || location.contains("mode=memory")) {
            throw new IllegalArgumentException("an in-memory SQLite database cannot back the store; give a file path");
        }
        if (path.startsWith("file:")) {
            return;
        }
        Path file = Path.of(path).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (FileAlreadyExistsException e) {
            // opened before: keep the file and its mode
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database file " + file, e);
        }
    }
}
