package org.orrery.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens a planet's SQLite database file for a {@link JdbcStore}: its connections' settings, a
 * probe that it can be written, and its schema brought up to date by the numbered Flyway
 * migrations.
 */
final class SqliteDatabase {
    private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(30);
    /** Read connections kept open: enough for the cores that parse while others read. */
    private static final int READERS_KEPT = Math.max(4, Runtime.getRuntime().availableProcessors());

    /**
     * The newest migration (src/main/resources/db/migration/V&lt;n&gt;__*.sql). A database at this
     * version opens without Flyway, whose scan of the migrations took a third of the start-up
     * of a run whose feeds all answered 304; a test keeps the number in step with the files.
     */
    static final int SCHEMA_VERSION = 12;

    private SqliteDatabase() {}

    /** As {@link JdbcStore#openSqlite}. */
    static JdbcStore open(Path databaseFile) {
        createParent(databaseFile);
        var sideFiles = SideFiles.before(databaseFile);
        Handle writer = null;
        try {
            SqliteNative.useCopyIn(databaseFile.toAbsolutePath().getParent().resolve("native"));
            String url = "jdbc:sqlite:" + databaseFile.toAbsolutePath();
            SQLiteDataSource writes = sqlite(url, SQLiteConfig.TransactionMode.IMMEDIATE);
            // WAL persists in the file, so setting it once on the writer suffices.
            writes.setJournalMode(SQLiteConfig.JournalMode.WAL.name());
            writer = Jdbi.create(writes).open();
            // A database that cannot be written (a read-only file or file system) opens all the
            // same, read-only; found out now, before any feed is fetched for nothing.
            probeWrite(writer);
            if (schemaVersion(writer) != SCHEMA_VERSION) {
                Flyway.configure()
                        .dataSource(writes)
                        .locations("classpath:db/migration")
                        .javaMigrations(new V10__raw_bodies())
                        .load()
                        .migrate();
            }
            var readers = new ReaderConnections(sqlite(url, SQLiteConfig.TransactionMode.DEFERRED), READERS_KEPT);
            return new JdbcStore(writer, Jdbi.create(readers), readers::closeAll, SqlDialect.SQLITE);
        } catch (FlywayException | JdbiException e) {
            if (writer != null) {
                closeQuietly(writer);
            }
            sideFiles.removeCreated();
            throw StoreException.of("opening " + databaseFile, e);
        }
    }

    /**
     * Writes the database header in a transaction rolled back at once: a read-only database
     * fails here ({@code BEGIN IMMEDIATE} alone succeeds on one in WAL mode); nothing is written.
     */
    private static void probeWrite(Handle writer) {
        writer.execute("BEGIN IMMEDIATE");
        try {
            int version = writer.createQuery("PRAGMA user_version")
                    .mapTo(Integer.class)
                    .one();
            writer.execute("PRAGMA user_version = " + version);
        } finally {
            try {
                writer.execute("ROLLBACK");
            } catch (JdbiException e) {
                // The transaction already ended with the failure being thrown.
            }
        }
    }

    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (JdbiException e) {
            // The failure that made us close it is the one reported.
        }
    }

    /** The newest migration applied to the database; 0 for a new or foreign one. */
    private static int schemaVersion(Handle handle) {
        boolean migrated = handle.createQuery(
                                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")
                        .mapTo(Integer.class)
                        .one()
                > 0;
        if (!migrated) {
            return 0;
        }
        return handle
                .createQuery("SELECT version FROM flyway_schema_history WHERE success = 1")
                .mapTo(String.class)
                .stream()
                .filter(v -> v != null && v.matches("\\d+"))
                .mapToInt(Integer::parseInt)
                .max()
                .orElse(0);
    }

    private static void createParent(Path databaseFile) {
        Path parent = databaseFile.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            // The exception's message is often just the path; its type says what went wrong.
            throw new StoreException(
                    "store: opening " + databaseFile + ": cannot create " + parent + ": " + e, e, true);
        }
    }

    // IMMEDIATE for the writer: a deferred transaction that reads before it writes could find
    // another process's write in between and fail at once instead of waiting busy_timeout.
    private static SQLiteDataSource sqlite(String url, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
        config.enforceForeignKeys(true);
        config.setTransactionMode(mode);
        // In WAL mode NORMAL never corrupts the database; a power cut may lose the last commits,
        // which the next refresh fetches again. FULL would sync the disk on every feed's save.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // Statement journals (one per saved feed's savepoint) and sorts in memory: in temporary
        // files they were most of the writes of a first run, and 30 s of system time at 10,000 feeds.
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }
}
