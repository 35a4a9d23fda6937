package org.orrery.store;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.orrery.model.Post;
import org.orrery.model.River;
import org.orrery.model.RiverOrder;
import org.orrery.model.Subscription;

/**
 * A {@link Store} in a relational database through JDBI: one long-lived connection for writes
 * ({@link WriteConnection}, which saves refreshes in group commits), and a few read connections
 * kept open between reads ({@link ReaderConnections}). Each method hands its job to the class that
 * does it and wraps what fails in a {@link StoreException} that says what was being done.
 */
public final class JdbcStore implements Store {
    private final WriteConnection writes;
    private final Jdbi readers;
    private final ReadersClose closeReaders;

    /** Closes what the read connections come from. */
    interface ReadersClose {
        void close() throws SQLException;
    }

    JdbcStore(Handle writer, Jdbi readers, ReadersClose closeReaders, SqlDialect dialect) {
        this.writes = new WriteConnection(writer, dialect);
        this.readers = readers;
        this.closeReaders = closeReaders;
    }

    /**
     * Opens the store a planet names: {@code ORRERY_DATABASE} in the environment if set, else
     * {@code configured} (the {@code database} option), else the SQLite file {@code sqliteFile}.
     * A PostgreSQL database is named {@code postgresql://host:port/db?user=...}.
     *
     * @throws StoreException when the database cannot be opened or migrated, or is not a
     *     PostgreSQL URL
     */
    public static JdbcStore open(Optional<String> configured, Path sqliteFile) {
        Optional<String> database = Optional.ofNullable(System.getenv(DATABASE_VARIABLE))
                .or(() -> configured)
                .map(String::strip)
                .filter(d -> !d.isEmpty());
        if (database.isEmpty()) {
            return openSqlite(sqliteFile);
        }
        if (PostgresDatabase.names(database.get())) {
            return openPostgresql(database.get());
        }
        throw new StoreException(
                "store: database " + PostgresDatabase.withoutSecrets(database.get())
                        + ": not a PostgreSQL URL (postgresql://host:port/db?user=...)",
                null,
                false);
    }

    /** The environment variable naming the database, which wins over the config's option. */
    public static final String DATABASE_VARIABLE = "ORRERY_DATABASE";

    /**
     * Opens a PostgreSQL database ({@code postgresql://host:port/db?user=...&password=...}, as
     * the JDBC driver reads it) and brings its schema up to date.
     *
     * @throws StoreException when the server cannot be reached or the schema migrated
     */
    public static JdbcStore openPostgresql(String database) {
        return PostgresDatabase.open(database);
    }

    /**
     * Opens (creating it and its parent directories if needed) a SQLite database file in WAL
     * mode and brings its schema up to date.
     *
     * @throws StoreException when the file cannot be created, opened or migrated
     */
    public static JdbcStore openSqlite(Path databaseFile) {
        return SqliteDatabase.open(databaseFile);
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
    public Map<String, Instant> firstSeen(URI feedUri) {
        return guarded(
                "reading the entries of " + feedUri,
                () -> readers.withHandle(h -> {
                    var seen = new HashMap<String, Instant>();
                    h.createQuery(
                                    """
                                    SELECT e.entry_key, e.first_seen FROM entry e, subscription s
                                    WHERE s.id = e.subscription_id AND s.url = :url
                                    """)
                            .bind("url", feedUri.toString())
                            .map((rs, ctx) -> Map.entry(
                                    rs.getString("entry_key"), Instant.ofEpochMilli(rs.getLong("first_seen"))))
                            .forEach(e -> seen.put(e.getKey(), e.getValue()));
                    return seen;
                }));
    }

    @Override
    public FeedState state(URI feedUri) {
        return guarded(
                "reading the fetch state of " + feedUri, () -> readers.withHandle(h -> HealthQuery.state(h, feedUri)));
    }

    @Override
    public Map<URI, FeedState> states() {
        return guarded("reading the fetch state of every subscription", () -> readers.withHandle(HealthQuery::states));
    }

    @Override
    public List<FeedHealth> health(List<URI> feedUris) {
        return guarded(
                "reading the health of " + feedUris.size() + " subscriptions",
                () -> readers.inTransaction(h -> HealthQuery.health(h, feedUris)));
    }

    @Override
    public SaveResult save(Refresh refresh) {
        return writes.save(refresh);
    }

    @Override
    public River river(List<Subscription> subscriptions, int maxPosts, RiverOrder order) {
        return guarded(
                "reading the river of " + subscriptions.size() + " subscriptions",
                () -> readers.inTransaction(h -> new RiverQuery(h, order).river(subscriptions, maxPosts)));
    }

    @Override
    public List<Instant> riverDates(List<Subscription> subscriptions, RiverOrder order) {
        return guarded(
                "reading the dates of the river of " + subscriptions.size() + " subscriptions",
                () -> readers.inTransaction(h -> new RiverQuery(h, order).dates(subscriptions)));
    }

    @Override
    public void eachPost(
            List<Subscription> subscriptions, RiverOrder order, boolean bodies, int limit, Consumer<Post> action) {
        guarded("reading the river of " + subscriptions.size() + " subscriptions", () -> {
            readers.useTransaction(h -> new RiverQuery(h, order, bodies).each(subscriptions, limit, action));
            return null;
        });
    }

    @Override
    public void eachPost(
            List<Subscription> subscriptions,
            RiverOrder order,
            boolean bodies,
            RiverRange range,
            Consumer<Post> action) {
        guarded(
                "reading " + range.limit() + " posts of the river of " + subscriptions.size() + " subscriptions",
                () -> {
                    readers.useTransaction(h -> new RiverQuery(h, order, bodies).each(subscriptions, range, action));
                    return null;
                });
    }

    @Override
    public Map<Long, Long> changedDays(RiverOrder order) {
        return guarded(
                "reading the days entries changed on", () -> readers.withHandle(h -> ChangedDays.read(h, order)));
    }

    @Override
    public void forgetChangedDays(RiverOrder order, Map<Long, Long> seen) {
        guarded(
                "forgetting the days entries changed on",
                () -> writes.inTransaction(h -> {
                    ChangedDays.forget(h, order, seen);
                    return null;
                }));
    }

    @Override
    public Map<URI, Integer> entryCounts() {
        return guarded("counting the entries of each subscription", () -> readers.withHandle(ChangedDays::counts));
    }

    @Override
    public Set<Long> entryDays(List<URI> feeds, RiverOrder order) {
        return guarded(
                "reading the days of the entries of " + feeds.size() + " subscriptions",
                () -> readers.withHandle(h -> ChangedDays.ofFeeds(
                        h, feeds.stream().map(URI::toString).distinct().toList(), order)));
    }

    @Override
    public River river(List<Subscription> subscriptions, RiverRange range, RiverOrder order) {
        return guarded(
                "reading " + range.limit() + " posts of the river of " + subscriptions.size() + " subscriptions",
                () -> readers.inTransaction(h -> new RiverQuery(h, order).river(subscriptions, range)));
    }

    @Override
    public List<Expunged> expunge(Expiry expiry) {
        return guarded("expunging old entries", () -> writes.inTransaction(h -> new Expunger(h).expunge(expiry)));
    }

    @Override
    public int carryOver(Set<URI> missing, Set<URI> configured) {
        return guarded(
                "renaming moved subscriptions",
                () -> writes.inTransaction(h -> Renames.carryOver(h, missing, configured)));
    }

    @Override
    public boolean importFeed(ImportedFeed feed) {
        return guarded(
                "importing the state of " + feed.feedUri(),
                () -> writes.inTransaction(h -> new Importer(h).feed(feed)));
    }

    @Override
    public List<ImportedEntry.Outcome> importEntries(List<ImportedEntry> entries) {
        return guarded(
                "importing " + entries.size() + " entries",
                () -> writes.inTransaction(h -> new Importer(h).entries(entries)));
    }

    @Override
    public Optional<ReadingListCopy> readingList(URI uri) {
        return guarded(
                "reading the stored copy of the reading list " + uri,
                () -> readers.withHandle(h -> ReadingListRows.read(h, uri)));
    }

    @Override
    public void saveReadingList(URI uri, ReadingListCopy copy) {
        guarded("saving the reading list " + uri, () -> writes.inTransaction(h -> ReadingListRows.save(h, uri, copy)));
    }

    @Override
    public Map<String, String> safeHtml(Collection<String> digests, List<String> policies) {
        if (digests.isEmpty()) {
            return Map.of();
        }
        return guarded(
                "reading " + digests.size() + " sanitised bodies",
                () -> readers.withHandle(h -> SafeHtmlRows.find(h, digests, policies)));
    }

    @Override
    public void keepSafeHtml(Map<String, String> sanitised, String policy, Instant at) {
        if (sanitised.isEmpty()) {
            return;
        }
        guarded(
                "keeping " + sanitised.size() + " sanitised bodies",
                () -> writes.inTransaction(h -> {
                    SafeHtmlRows.keep(h, sanitised, policy, at);
                    return null;
                }));
    }

    /**
     * Copies every row of this store (subscriptions with their fetch state and health, entries
     * with hidden ones, reading lists, sanitised bodies, change marks) into {@code target}, in one
     * transaction of each: from a snapshot of this one, all or nothing into the other.
     *
     * @return the rows copied, by table
     * @throws StoreException when {@code target} is not empty, or a read or write fails
     */
    public Map<String, Long> copyInto(JdbcStore target) {
        return guarded(
                "copying the store",
                () -> readers.inTransaction(
                        from -> target.writes.inTransaction(to -> StoreCopy.copy(from, to, target.writes.dialect()))));
    }

    /** Closes the connections; later calls fail with a {@link StoreException}. */
    @Override
    public void close() {
        try {
            if (writes.close()) {
                closeReaders.close();
            }
        } catch (JdbiException | SQLException e) {
            if (!writes.faulted()) {
                throw StoreException.of("closing", e);
            }
            // After a storage fault the connection's state is what that fault left; the fault
            // is what the caller reports, not this.
        }
    }

    private <T> T guarded(String context, Supplier<T> work) {
        try {
            writes.ensureOpen();
            return work.get();
        } catch (JdbiException | UncheckedIOException | WriteConnection.ClosedStore e) {
            writes.failed(e);
            throw StoreException.of(context, e);
        }
    }
}
