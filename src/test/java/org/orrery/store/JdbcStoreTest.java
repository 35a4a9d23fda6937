package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orrery.store.StoreFixtures.FEED;
import static org.orrery.store.StoreFixtures.T0;
import static org.orrery.store.StoreFixtures.entry;
import static org.orrery.store.StoreFixtures.fetched;
import static org.orrery.store.StoreFixtures.hours;
import static org.orrery.store.StoreFixtures.sub;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Post;
import org.orrery.model.River;
import org.orrery.model.Subscription;
import org.orrery.model.Validators;

class JdbcStoreTest {
    @TempDir
    Path dir;

    /** The store the tests run on, in {@code databaseFile}: SQLite here; a subclass runs them on another. */
    JdbcStore open(Path databaseFile) {
        return JdbcStore.openSqlite(databaseFile);
    }

    /**
     * Makes the store's database refuse, with {@code message}, to {@code event} (INSERT, UPDATE)
     * a row of {@code table} whose {@code column} becomes {@code value}: a trigger named {@code name}.
     */
    void refuse(String name, String event, String table, String column, String value, String message)
            throws java.sql.SQLException {
        try (var sql = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("nested/planet.db"));
                var statement = sql.createStatement()) {
            statement.execute("CREATE TRIGGER " + name + " BEFORE " + event + " ON " + table + " WHEN NEW." + column
                    + " = '" + value + "' BEGIN SELECT RAISE(ABORT, '" + message + "'); END");
        }
    }

    private JdbcStore store;

    @BeforeEach
    void open() {
        store = open(dir.resolve("nested/planet.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void countsAddedUpdatedAndUnchangedEntriesAcrossSaves() {
        assertThat(store.save(fetched(FEED, T0, entry("a", "A"), entry("b", "B"))))
                .isEqualTo(new SaveResult(2, 0));
        assertThat(store.save(fetched(FEED, hours(1), entry("a", "A"), entry("b", "B changed"), entry("c", "C"))))
                .isEqualTo(new SaveResult(1, 1));
        assertThat(store.save(fetched(FEED, hours(2), entry("a", "A"), entry("b", "B changed"), entry("c", "C"))))
                .isEqualTo(SaveResult.NOTHING);
    }

    @Test
    void noticesChangesInEveryStoredField() {
        Entry plain = entry("a", "A");
        store.save(fetched(FEED, T0, plain));
        List<Entry> variants = List.of(
                new Entry(
                        "a",
                        "A",
                        Optional.of(URI.create("https://example.org/a")),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        "<p>A</p>",
                        Optional.empty(),
                        List.of(),
                        List.of()),
                new Entry(
                        "a",
                        "A",
                        Optional.empty(),
                        Optional.of("Ann"),
                        Optional.empty(),
                        Optional.empty(),
                        "<p>A</p>",
                        Optional.empty(),
                        List.of(),
                        List.of()),
                new Entry(
                        "a",
                        "A",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(T0),
                        Optional.of(T0),
                        "<p>A</p>",
                        Optional.of("<p>short</p>"),
                        List.of("x", "y\nz"),
                        List.of()));
        for (Entry variant : variants) {
            assertThat(store.save(fetched(FEED, T0, variant))).isEqualTo(new SaveResult(0, 1));
            assertThat(store.save(fetched(FEED, T0, variant))).isEqualTo(SaveResult.NOTHING);
        }
        assertThat(posts(sub(FEED)).getFirst().entry()).isEqualTo(variants.getLast());
    }

    @Test
    void aKeyRepeatedInOneDocumentKeepsItsNewestCopyAsVenusDid() {
        Entry newer = StoreFixtures.dated("a", Optional.empty(), Optional.of(hours(3)))
                .withTitle("Newer");
        Entry older = StoreFixtures.dated("a", Optional.empty(), Optional.of(hours(1)))
                .withTitle("Older");
        assertThat(store.save(fetched(FEED, T0, newer, older))).isEqualTo(new SaveResult(1, 0));
        assertThat(store.river(List.of(sub(FEED)), 10).posts())
                .extracting(p -> p.entry().title())
                .containsExactly("Newer");

        Entry undated = entry("b", "First");
        Entry undatedAgain = entry("b", "Second");
        store.save(fetched(FEED, hours(4), newer, undated, undatedAgain));
        assertThat(store.river(List.of(sub(FEED)), 10).posts())
                .extracting(p -> p.entry().title())
                .as("copies dated alike (here undated): the later")
                .contains("Second")
                .doesNotContain("First");
    }

    @Test
    void keepsEntriesThatLeftTheFeed() {
        store.save(fetched(FEED, T0, entry("old", "Old")));
        store.save(fetched(FEED, hours(1), entry("new", "New")));

        assertThat(posts(sub(FEED))).extracting(p -> p.entry().key()).containsExactly("new", "old");
    }

    @Test
    void keepsFirstSeenWhenAnEntryChanges() {
        store.save(fetched(FEED, T0, entry("a", "A")));
        store.save(fetched(FEED, hours(5), entry("a", "A, edited")));

        Post post = posts(sub(FEED)).getFirst();
        assertThat(post.entry().title()).isEqualTo("A, edited");
        assertThat(post.date()).isEqualTo(T0);
    }

    @Test
    void countsADuplicateKeyOnceAndKeepsTheLaterItem() {
        assertThat(store.save(fetched(FEED, T0, entry("a", "first"), entry("a", "second"))))
                .isEqualTo(new SaveResult(1, 0));
        assertThat(posts(sub(FEED))).extracting(p -> p.entry().title()).containsExactly("second");
    }

    @Test
    void failedRefreshKeepsValidatorsAndEntriesAndShowsTheError() {
        Validators validators = new Validators(Optional.of("\"v1\""), Optional.of("Thu, 01 Jan 2026 00:00:00 GMT"));
        store.save(new Refresh.Fetched(
                FEED, T0, validators, OptionalInt.of(200), FeedInfo.UNKNOWN, List.of(entry("a", "A"))));

        store.save(new Refresh.Failed(FEED, hours(1), "HTTP 503 Service Unavailable", OptionalInt.of(503)));

        assertThat(store.state(FEED).validators()).isEqualTo(validators);
        River river = store.river(List.of(sub(FEED)), 10);
        assertThat(river.posts()).hasSize(1);
        Channel channel = river.channels().getFirst();
        assertThat(channel.lastError()).contains("HTTP 503 Service Unavailable");
        assertThat(channel.lastFetched()).contains(T0);

        store.save(fetched(FEED, hours(2)));
        assertThat(store.river(List.of(sub(FEED)), 10).channels().getFirst().lastError())
                .isEmpty();
    }

    @Test
    void notModifiedReplacesTheValidatorsItRepeats() {
        assertThat(store.state(FEED).validators()).isEqualTo(Validators.NONE);
        store.save(new Refresh.Fetched(
                FEED,
                T0,
                new Validators(Optional.of("\"v1\""), Optional.of("Mon")),
                OptionalInt.of(200),
                FeedInfo.UNKNOWN,
                List.of()));

        store.save(new Refresh.NotModified(FEED, hours(1), new Validators(Optional.of("\"v2\""), Optional.empty())));
        assertThat(store.state(FEED).validators()).isEqualTo(new Validators(Optional.of("\"v2\""), Optional.of("Mon")));

        store.save(new Refresh.NotModified(FEED, hours(2), Validators.NONE));
        assertThat(store.state(FEED).validators()).isEqualTo(new Validators(Optional.of("\"v2\""), Optional.of("Mon")));
        assertThat(store.river(List.of(sub(FEED)), 1).channels().getFirst().lastFetched())
                .contains(hours(2));
    }

    @Test
    void fetchedDropsValidatorsTheServerNoLongerSends() {
        store.save(new Refresh.Fetched(
                FEED,
                T0,
                new Validators(Optional.of("\"v1\""), Optional.of("Mon")),
                OptionalInt.of(200),
                FeedInfo.UNKNOWN,
                List.of()));
        store.save(fetched(FEED, hours(1)));

        assertThat(store.state(FEED).validators()).isEqualTo(Validators.NONE);
    }

    @Test
    void reopeningTheFileKeepsEverything() {
        store.save(fetched(FEED, T0, entry("a", "A")));
        store.close();

        store = open(dir.resolve("nested/planet.db"));
        assertThat(posts(sub(FEED))).extracting(p -> p.entry().key()).containsExactly("a");
        assertThat(store.save(fetched(FEED, hours(1), entry("a", "A")))).isEqualTo(SaveResult.NOTHING);
    }

    @Test
    void onlyIdsThatNameOnePostEverywhereAreSharedBetweenFeeds() {
        URI blog = URI.create("https://blog.example/feed");
        URI category = URI.create("https://blog.example/category/python/feed");
        store.save(fetched(blog, T0, entry("tag:blog.example,2017:1", "Shared"), entry("1", "Blog's first")));
        store.save(fetched(category, hours(1), entry("tag:blog.example,2017:1", "Shared"), entry("1", "Other first")));

        var titles = store.river(List.of(sub(blog), sub(category)), 100).posts().stream()
                .map(p -> p.entry().title())
                .toList();

        // A tag: id is one post wherever it appears; "1" is only a number each feed counts from.
        assertThat(titles).containsExactlyInAnyOrder("Shared", "Blog's first", "Other first");
    }

    @Test
    void serialisesConcurrentSavesFromManyVirtualThreads() throws Exception {
        List<Future<SaveResult>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                URI feed = URI.create("https://feed" + (i % 10) + ".example/");
                Instant at = hours(i);
                List<Entry> entries = new ArrayList<>(List.of(entry("own-" + i, "own")));
                for (int k = 0; k < 30; k++) {
                    // Ids of this feed's own: an id two feeds share is one post on the river.
                    entries.add(entry("shared-" + (i % 10) + "-" + k, "same in every save of this feed"));
                }
                results.add(threads.submit(() -> {
                    store.state(feed).validators();
                    return store.save(new Refresh.Fetched(
                            feed, at, Validators.NONE, OptionalInt.of(200), FeedInfo.UNKNOWN, entries));
                }));
            }
        }
        SaveResult total = SaveResult.NOTHING;
        for (Future<SaveResult> result : results) {
            total = total.plus(result.get());
        }
        assertThat(total).isEqualTo(new SaveResult(50 + 10 * 30, 0));
        List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            subs.add(sub(URI.create("https://feed" + i + ".example/")));
        }
        assertThat(store.river(subs, 1000).posts()).hasSize(50 + 10 * 30);
    }

    @Test
    void concurrentSavesCommitTogetherAndOneThatFailsFailsAlone() throws Exception {
        for (int i = 0; i < 60; i++) {
            store.save(fetched(feed(i), T0, entry("old-" + i, "old")));
        }
        // The database itself refuses two of the saves below, one of each kind.
        refuse("refuse_poison", "INSERT", "entry", "entry_key", "poison", "poisoned entry");
        refuse("refuse_etag", "UPDATE", "subscription", "etag", "\"poison\"", "poisoned etag");
        Validators poisonTag = new Validators(Optional.of("\"poison\""), Optional.empty());
        Validators fine = new Validators(Optional.of("\"v2\""), Optional.empty());
        List<Future<SaveResult>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 60; i++) {
                URI feed = feed(i);
                Refresh refresh =
                        switch (i % 3) {
                            case 0 ->
                                i == 30
                                        ? fetched(feed, hours(1), entry("new-" + i, "new"), entry("poison", "x"))
                                        : fetched(feed, hours(1), entry("new-" + i, "new"));
                            case 1 -> new Refresh.NotModified(feed, hours(1), i == 31 ? poisonTag : fine);
                            default -> new Refresh.Failed(feed, hours(1), "HTTP 500", OptionalInt.of(500));
                        };
                results.add(threads.submit(() -> store.save(refresh)));
            }
        }

        for (int i = 0; i < 60; i++) {
            var result = results.get(i);
            if (i == 30) {
                assertThatThrownBy(result::get)
                        .hasCauseInstanceOf(StoreException.class)
                        .cause()
                        .hasMessageStartingWith("store: saving 2 entries for https://feed30.example/: ")
                        .hasMessageContaining("poisoned entry");
            } else if (i == 31) {
                assertThatThrownBy(result::get)
                        .cause()
                        .hasMessageStartingWith("store: recording 'not modified' for https://feed31.example/: ")
                        .hasMessageContaining("poisoned etag");
            } else {
                assertThat(result.get()).isEqualTo(i % 3 == 0 ? new SaveResult(1, 0) : SaveResult.NOTHING);
            }
        }
        // The refused fetch left nothing behind: not its first entry, not its new fetch time.
        assertThat(posts(sub(feed(30)))).extracting(p -> p.entry().key()).containsExactly("old-30");
        assertThat(posts(sub(feed(33)))).extracting(p -> p.entry().key()).containsExactlyInAnyOrder("old-33", "new-33");
        assertThat(store.river(List.of(sub(feed(30))), 1).channels().getFirst().lastFetched())
                .contains(T0);
        assertThat(store.state(feed(31)).validators()).isEqualTo(Validators.NONE);
        assertThat(store.state(feed(34)).validators()).isEqualTo(fine);
        assertThat(store.river(List.of(sub(feed(34))), 1).channels().getFirst().lastFetched())
                .contains(hours(1));
        assertThat(store.state(feed(35)).errorCount()).isEqualTo(1);
    }

    @Test
    void aRefused304LeavesNothingForTheNextOne() throws Exception {
        store.save(fetched(feed(1), T0, entry("a", "A")));
        store.save(fetched(feed(2), T0, entry("b", "B")));
        refuse("refuse_etag", "UPDATE", "subscription", "etag", "\"poison\"", "poisoned etag");
        Validators poisonTag = new Validators(Optional.of("\"poison\""), Optional.empty());
        Validators fine = new Validators(Optional.of("\"v2\""), Optional.empty());

        assertThatThrownBy(() -> store.save(new Refresh.NotModified(feed(1), hours(1), poisonTag)))
                .hasMessageContaining("poisoned etag");
        // The statement is kept for the next 304: the refused one must not be sent again with it.
        assertThat(store.save(new Refresh.NotModified(feed(2), hours(1), fine))).isEqualTo(SaveResult.NOTHING);
        assertThat(store.save(new Refresh.NotModified(feed(1), hours(2), fine))).isEqualTo(SaveResult.NOTHING);

        assertThat(store.state(feed(2)).validators()).isEqualTo(fine);
        assertThat(store.state(feed(1)).validators()).isEqualTo(fine);
    }

    private static URI feed(int i) {
        return URI.create("https://feed" + i + ".example/");
    }

    @Test
    void failsWithContextOnceClosed() {
        store.close();

        assertThatThrownBy(() -> store.save(fetched(FEED, T0, entry("a", "A"), entry("b", "B"))))
                .isInstanceOf(StoreException.class)
                .hasMessage("store: saving 2 entries for https://example.org/feed: the store is closed");
        assertThatThrownBy(() -> store.state(FEED).validators())
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("store: reading the fetch state of https://example.org/feed: ");
    }

    @Test
    void failsWithContextWhenTheFileCannotBeCreated() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> JdbcStore.openSqlite(notADirectory.resolve("planet.db")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("store: opening " + notADirectory.resolve("planet.db") + ": cannot create ")
                .hasMessageContaining("FileAlreadyExistsException");
    }

    private List<Post> posts(Subscription subscription) {
        return store.river(List.of(subscription), 100).posts();
    }
}
