package org.orrery.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.orrery.model.River;
import org.orrery.model.Subscription;
import org.orrery.model.Validators;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;

/**
 * A {@link Store} in a relational database through JDBI: one long-lived connection for writes,
 * which a lock serialises (SQLite has a single writer), and a few read connections kept open
 * between reads ({@link ReaderConnections}).
 */
public final class JdbcStore implements Store {
    private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(30);
    /** Read connections kept open: enough for the cores that parse while others read. */
    private static final int READERS_KEPT = Math.max(4, Runtime.getRuntime().availableProcessors());

    private final Handle writer;
    private final WriterStatements writerStatements;
    private final Jdbi readers;
    private final ReaderConnections readerConnections;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ConcurrentLinkedQueue<PendingSave> pendingSaves = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;
    /** Whether a write or read has failed with a {@link #storageFault storage fault}. */
    private volatile boolean faulted;

    private JdbcStore(Handle writer, ReaderConnections readerConnections) {
        this.writer = writer;
        this.writerStatements = new WriterStatements(writer.getConnection());
        this.readerConnections = readerConnections;
        this.readers = Jdbi.create(readerConnections);
    }

    /**
     * Opens (creating it and its parent directories if needed) a SQLite database file in WAL
     * mode and brings its schema up to date.
     *
     * @throws StoreException when the file cannot be created, opened or migrated
     */
    public static JdbcStore openSqlite(Path databaseFile) {
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
                        .load()
                        .migrate();
            }
            return new JdbcStore(
                    writer, new ReaderConnections(sqlite(url, SQLiteConfig.TransactionMode.DEFERRED), READERS_KEPT));
        } catch (FlywayException | JdbiException e) {
            if (writer != null) {
                closeQuietly(writer);
            }
            sideFiles.removeCreated();
            throw new StoreException("store: opening " + databaseFile + ": " + reason(e), e, storageFault(e));
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

    /**
     * Whether {@code e} says the database file itself failed (full, read-only, unreadable, an
     * I/O error, not a database), as opposed to one statement.
     */
    static boolean storageFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
            if (t instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xff;
                if (STORAGE_FAULTS.contains(primary)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** SQLite's primary result codes for a file that cannot be used: PERM, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB. */
    private static final java.util.Set<Integer> STORAGE_FAULTS = java.util.Set.of(3, 8, 10, 11, 13, 14, 26);

    /**
     * The newest migration (src/main/resources/db/migration/V&lt;n&gt;__*.sql). A database at this
     * version opens without Flyway, whose scan of the migrations took a third of the start-up
     * of a run whose feeds all answered 304; a test keeps the number in step with the files.
     */
    static final int SCHEMA_VERSION = 9;

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

    @Override
    public long changeCount() {
        return guarded(
                "reading the change count",
                () -> readers.withHandle(h -> h.createQuery("SELECT count FROM change_count WHERE id = 1")
                        .mapTo(Long.class)
                        .one()));
    }

    @Override
    public java.util.Map<String, java.time.Instant> firstSeen(URI feedUri) {
        return guarded(
                "reading the entries of " + feedUri,
                () -> readers.withHandle(h -> {
                    var seen = new java.util.HashMap<String, java.time.Instant>();
                    h.createQuery(
                                    """
                                    SELECT e.entry_key, e.first_seen FROM entry e, subscription s
                                    WHERE s.id = e.subscription_id AND s.url = :url
                                    """)
                            .bind("url", feedUri.toString())
                            .map((rs, ctx) -> java.util.Map.entry(
                                    rs.getString("entry_key"),
                                    java.time.Instant.ofEpochMilli(rs.getLong("first_seen"))))
                            .forEach(e -> seen.put(e.getKey(), e.getValue()));
                    return seen;
                }));
    }

    @Override
    public FeedState state(URI feedUri) {
        return guarded(
                "reading the fetch state of " + feedUri,
                () -> readers.withHandle(h -> h.createQuery(STATE_COLUMNS + " WHERE url = :url")
                        .bind("url", feedUri.toString())
                        .map((rs, ctx) -> feedState(rs))
                        .findOne()
                        .orElse(FeedState.NEW)));
    }

    @Override
    public java.util.Map<URI, FeedState> states() {
        return guarded(
                "reading the fetch state of every subscription",
                () -> readers.withHandle(h -> {
                    var states = new java.util.HashMap<URI, FeedState>();
                    for (var row : h.createQuery(STATE_COLUMNS)
                            .map((rs, ctx) -> java.util.Map.entry(rs.getString("url"), feedState(rs)))
                            .list()) {
                        states.put(URI.create(row.getKey()), row.getValue());
                    }
                    return states;
                }));
    }

    private static final String STATE_COLUMNS =
            """
            SELECT url, etag, last_modified, content_hash, error_count, gone, next_fetch_at,
                   redirected_to, redirect_candidate, redirect_count
            FROM subscription""";

    private static FeedState feedState(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FeedState(
                new Validators(
                        Optional.ofNullable(rs.getString("etag")), Optional.ofNullable(rs.getString("last_modified"))),
                Optional.ofNullable(rs.getString("content_hash")),
                rs.getInt("error_count"),
                rs.getInt("gone") != 0,
                HealthQuery.schedule(rs));
    }

    @Override
    public List<FeedHealth> health(List<URI> feedUris) {
        return guarded(
                "reading the health of " + feedUris.size() + " subscriptions",
                () -> readers.inTransaction(h -> HealthQuery.health(h, feedUris)));
    }

    /**
     * Saves in group commits: a refresh waiting for the writer joins the transaction of whichever
     * save holds it, so a thousand feeds answering at once cost a few commits, not a thousand
     * (one commit took about a millisecond, and saves were the bottleneck of a run of 304s).
     * Each refresh is written under its own savepoint: one that fails is rolled back alone and
     * its caller gets the error; the others commit.
     */
    @Override
    public SaveResult save(Refresh refresh) {
        var mine = new PendingSave(refresh);
        pendingSaves.add(mine);
        writeLock.lock();
        try {
            if (!mine.done()) {
                List<PendingSave> batch = new ArrayList<>();
                for (PendingSave next; (next = pendingSaves.poll()) != null; ) {
                    batch.add(next);
                }
                writeTogether(batch);
            }
        } finally {
            writeLock.unlock();
        }
        return mine.result();
    }

    private void writeTogether(List<PendingSave> batch) {
        try {
            ensureOpen();
            writer.useTransaction(h -> {
                var recorder = new RefreshRecorder(h, writerStatements);
                List<PendingSave> rest = notModifiedTogether(h, recorder, batch);
                for (PendingSave save : rest) {
                    // One statement that fails undoes only itself; several need a savepoint.
                    boolean savepoint = RefreshRecorder.severalStatements(save.refresh());
                    if (savepoint) {
                        h.savepoint(SAVEPOINT);
                    }
                    try {
                        save.written(recorder.record(save.refresh()));
                        if (savepoint) {
                            h.releaseSavepoint(SAVEPOINT);
                        }
                    } catch (RuntimeException e) {
                        faulted |= storageFault(e);
                        if (savepoint) {
                            h.rollbackToSavepoint(SAVEPOINT);
                        }
                        save.failed(e);
                    }
                }
            });
            batch.forEach(PendingSave::committed);
        } catch (RuntimeException e) {
            // The commit itself failed (disk full, the store closed): none of them was saved.
            faulted |= storageFault(e);
            batch.forEach(save -> save.failed(e));
        }
    }

    // JDBI forgets a savepoint once rolled back to; SQLite releases it at the commit.
    private static final String SAVEPOINT = "refresh";

    /**
     * Records the batch's "not modified" refreshes in one statement and returns the others. If
     * that statement fails, none of them is recorded and all are returned, to be tried one by one.
     */
    private static List<PendingSave> notModifiedTogether(Handle h, RefreshRecorder recorder, List<PendingSave> batch) {
        List<Refresh.NotModified> notModified = new ArrayList<>();
        List<PendingSave> rest = new ArrayList<>();
        for (PendingSave save : batch) {
            if (save.refresh() instanceof Refresh.NotModified n) {
                notModified.add(n);
            } else {
                rest.add(save);
            }
        }
        if (notModified.size() < 2) {
            return batch;
        }
        h.savepoint(SAVEPOINT);
        try {
            recorder.notModified(notModified);
            h.releaseSavepoint(SAVEPOINT);
        } catch (RuntimeException e) {
            h.rollbackToSavepoint(SAVEPOINT);
            return batch;
        }
        for (PendingSave save : batch) {
            if (save.refresh() instanceof Refresh.NotModified) {
                save.written(SaveResult.NOTHING);
            }
        }
        return rest;
    }

    /**
     * A refresh waiting to be saved, and then its outcome. Only the thread holding the write lock
     * changes it; its caller reads it after taking and releasing that lock, which orders the two.
     */
    private static final class PendingSave {
        private final Refresh refresh;
        private SaveResult written;
        private RuntimeException failure;
        private boolean done;

        PendingSave(Refresh refresh) {
            this.refresh = refresh;
        }

        Refresh refresh() {
            return refresh;
        }

        void written(SaveResult result) {
            written = result;
        }

        void failed(RuntimeException e) {
            failure = e;
            done = true;
        }

        void committed() {
            done = true;
        }

        boolean done() {
            return done;
        }

        SaveResult result() {
            if (failure != null) {
                throw new StoreException(
                        "store: " + what(refresh) + ": " + reason(failure), failure, storageFault(failure));
            }
            return written;
        }
    }

    private static String what(Refresh refresh) {
        return switch (refresh) {
                    case Refresh.Fetched f -> "saving " + f.entries().size() + " entries for ";
                    case Refresh.NotModified n -> "recording 'not modified' for ";
                    case Refresh.Failed f -> "recording a failed refresh of ";
                }
                + refresh.feedUri();
    }

    @Override
    public River river(List<Subscription> subscriptions, int maxPosts, RiverOrder order) {
        return guarded(
                "reading the river of " + subscriptions.size() + " subscriptions",
                () -> readers.inTransaction(h -> new RiverQuery(h, order).river(subscriptions, maxPosts)));
    }

    /** Closes the write connection; later calls fail with a {@link StoreException}. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (!closed) {
                closed = true;
                try {
                    writerStatements.closeAll();
                } finally {
                    writer.close();
                }
                readerConnections.closeAll();
            }
        } catch (JdbiException | java.sql.SQLException e) {
            if (!faulted) {
                throw new StoreException("store: closing: " + reason(e), e, storageFault(e));
            }
            // After a storage fault the connection's state is what that fault left; the fault
            // is what the caller reports, not this.
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T guarded(String context, Supplier<T> work) {
        try {
            ensureOpen();
            return work.get();
        } catch (JdbiException | UncheckedIOException | ClosedStore e) {
            faulted |= storageFault(e);
            throw new StoreException("store: " + context + ": " + reason(e), e, storageFault(e));
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new ClosedStore();
        }
    }

    /** The innermost message: the database's own words ("disk full"), not the wrappers'. */
    private static String reason(Throwable e) {
        String reason = e.toString();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
            }
        }
        return reason;
    }

    /** A call after {@link #close()}. */
    private static final class ClosedStore extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ClosedStore() {
            super("the store is closed");
        }
    }

    @Override
    public List<java.time.Instant> riverDates(List<Subscription> subscriptions, RiverOrder order) {
        return guarded(
                "reading the dates of the river of " + subscriptions.size() + " subscriptions",
                () -> readers.inTransaction(h -> new RiverQuery(h, order).dates(subscriptions)));
    }

    @Override
    public void eachPost(
            List<Subscription> subscriptions,
            RiverOrder order,
            boolean bodies,
            int limit,
            java.util.function.Consumer<org.orrery.model.Post> action) {
        guarded("reading the river of " + subscriptions.size() + " subscriptions", () -> {
            readers.useTransaction(h -> new RiverQuery(h, order, bodies).each(subscriptions, limit, action));
            return null;
        });
    }

    @Override
    public River river(List<Subscription> subscriptions, RiverRange range, RiverOrder order) {
        return guarded(
                "reading " + range.limit() + " posts of the river of " + subscriptions.size() + " subscriptions",
                () -> readers.inTransaction(h -> new RiverQuery(h, order).river(subscriptions, range)));
    }

    @Override
    public List<Expunged> expunge(Expiry expiry) {
        return guarded("expunging old entries", () -> write(h -> new Expunger(h).expunge(expiry)));
    }

    @Override
    public int carryOver(java.util.Set<URI> missing, java.util.Set<URI> configured) {
        return guarded("renaming moved subscriptions", () -> write(h -> Renames.carryOver(h, missing, configured)));
    }

    @Override
    public Optional<ReadingListCopy> readingList(URI uri) {
        return guarded(
                "reading the stored copy of the reading list " + uri,
                () -> readers.withHandle(h -> h.createQuery(
                                "SELECT etag, last_modified, body, fetched_at FROM reading_list WHERE url = :url")
                        .bind("url", uri.toString())
                        .map((rs, ctx) -> new ReadingListCopy(
                                Base64.getDecoder().decode(rs.getString("body")),
                                new Validators(
                                        Optional.ofNullable(rs.getString("etag")),
                                        Optional.ofNullable(rs.getString("last_modified"))),
                                Instant.ofEpochMilli(rs.getLong("fetched_at"))))
                        .findOne()));
    }

    @Override
    public void saveReadingList(URI uri, ReadingListCopy copy) {
        guarded(
                "saving the reading list " + uri,
                () -> write(h -> h.createUpdate(
                                """
                                INSERT INTO reading_list (url, etag, last_modified, body, fetched_at)
                                VALUES (:url, :etag, :last_modified, :body, :fetched_at)
                                ON CONFLICT (url) DO UPDATE SET
                                    etag = excluded.etag, last_modified = excluded.last_modified,
                                    body = excluded.body, fetched_at = excluded.fetched_at
                                """)
                        .bind("url", uri.toString())
                        .bind("etag", copy.validators().etag().orElse(null))
                        .bind("last_modified", copy.validators().lastModified().orElse(null))
                        .bind("body", Base64.getEncoder().encodeToString(copy.body()))
                        .bind("fetched_at", copy.fetchedAt().toEpochMilli())
                        .execute()));
    }

    /** Runs {@code work} in one transaction on the write connection. */
    private <T> T write(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        writeLock.lock();
        try {
            ensureOpen();
            return writer.inTransaction(work);
        } finally {
            writeLock.unlock();
        }
    }
}
