package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private static final URI FEED = URI.create("https://example.org/feed");
    private static final URI OTHER = URI.create("https://other.example/atom.xml");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private JdbcStore store;

    @BeforeEach
    void open() {
        store = JdbcStore.openSqlite(dir.resolve("nested/planet.db"));
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
                        List.of("x", "y\nz")));
        for (Entry variant : variants) {
            assertThat(store.save(fetched(FEED, T0, variant))).isEqualTo(new SaveResult(0, 1));
            assertThat(store.save(fetched(FEED, T0, variant))).isEqualTo(SaveResult.NOTHING);
        }
        assertThat(posts(sub(FEED)).getFirst().entry()).isEqualTo(variants.getLast());
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

        assertThat(store.validators(FEED)).isEqualTo(validators);
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
        assertThat(store.validators(FEED)).isEqualTo(Validators.NONE);
        store.save(new Refresh.Fetched(
                FEED,
                T0,
                new Validators(Optional.of("\"v1\""), Optional.of("Mon")),
                OptionalInt.of(200),
                FeedInfo.UNKNOWN,
                List.of()));

        store.save(new Refresh.NotModified(FEED, hours(1), new Validators(Optional.of("\"v2\""), Optional.empty())));
        assertThat(store.validators(FEED)).isEqualTo(new Validators(Optional.of("\"v2\""), Optional.of("Mon")));

        store.save(new Refresh.NotModified(FEED, hours(2), Validators.NONE));
        assertThat(store.validators(FEED)).isEqualTo(new Validators(Optional.of("\"v2\""), Optional.of("Mon")));
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

        assertThat(store.validators(FEED)).isEqualTo(Validators.NONE);
    }

    @Test
    void riverIsNewestFirstByPublishedThenUpdatedThenFirstSeenAndLimited() {
        store.save(fetched(
                FEED,
                hours(10),
                dated("published-3h", Optional.of(hours(3)), Optional.of(hours(9))),
                dated("updated-5h", Optional.empty(), Optional.of(hours(5))),
                entry("seen-10h", "no dates")));
        store.save(fetched(OTHER, hours(10), dated("other-4h", Optional.of(hours(4)), Optional.empty())));

        List<Subscription> both = List.of(sub(FEED), sub(OTHER));
        assertThat(store.river(both, 10).posts())
                .extracting(p -> p.entry().key())
                .containsExactly("seen-10h", "updated-5h", "other-4h", "published-3h");
        assertThat(store.river(both, 2).posts()).extracting(p -> p.date()).containsExactly(hours(10), hours(5));
        assertThat(store.river(both, 0).posts()).isEmpty();
    }

    @Test
    void riverBreaksDateTiesByFirstSeenThenFeedOrder() {
        store.save(fetched(FEED, T0, dated("x", Optional.of(T0), Optional.empty())));
        store.save(fetched(
                FEED,
                hours(1),
                dated("y", Optional.of(T0), Optional.empty()),
                dated("z", Optional.of(T0), Optional.empty())));

        assertThat(posts(sub(FEED))).extracting(p -> p.entry().key()).containsExactly("y", "z", "x");
    }

    @Test
    void riverShowsOnlyTheGivenSubscriptions() {
        store.save(fetched(FEED, T0, entry("a", "A")));
        store.save(fetched(OTHER, T0, entry("b", "B")));

        River river = store.river(List.of(sub(OTHER)), 10);
        assertThat(river.posts()).extracting(p -> p.entry().key()).containsExactly("b");
        assertThat(river.channels()).extracting(Channel::feedUri).containsExactly(OTHER);
        assertThat(store.river(List.of(), 10)).isEqualTo(new River(List.of(), List.of()));
    }

    @Test
    void namesChannelsByConfigThenFeedTitleThenUrlSortedIgnoringCase() {
        URI never = URI.create("https://never.example/feed");
        store.save(new Refresh.Fetched(
                OTHER,
                T0,
                Validators.NONE,
                OptionalInt.of(200),
                new FeedInfo(Optional.of("alpha blog"), Optional.of(URI.create("https://other.example/"))),
                List.of(entry("b", "B"))));
        store.save(new Refresh.Fetched(
                FEED,
                T0,
                Validators.NONE,
                OptionalInt.of(200),
                new FeedInfo(Optional.of("Feed title"), Optional.empty()),
                List.of(entry("a", "A"))));
        Subscription named = new Subscription(FEED, Optional.of("Zed"), Map.of("face", "zed.png"));

        River river = store.river(List.of(named, sub(OTHER), sub(never)), 10);

        assertThat(river.channels())
                .extracting(Channel::name)
                .containsExactly("alpha blog", "https://never.example/feed", "Zed");
        Channel other = river.channels().getFirst();
        assertThat(other.siteLink()).contains(URI.create("https://other.example/"));
        assertThat(river.channels().get(1).lastFetched()).isEmpty();
        Channel zed = river.channels().get(2);
        assertThat(zed.options()).containsEntry("face", "zed.png");
        for (Post post : river.posts()) {
            assertThat(post.channel()).isSameAs(post.entry().key().equals("a") ? zed : other);
        }
    }

    @Test
    void reopeningTheFileKeepsEverything() {
        store.save(fetched(FEED, T0, entry("a", "A")));
        store.close();

        store = JdbcStore.openSqlite(dir.resolve("nested/planet.db"));
        assertThat(posts(sub(FEED))).extracting(p -> p.entry().key()).containsExactly("a");
        assertThat(store.save(fetched(FEED, hours(1), entry("a", "A")))).isEqualTo(SaveResult.NOTHING);
    }

    @Test
    void serialisesConcurrentSavesFromManyVirtualThreads() throws Exception {
        List<Future<SaveResult>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                URI feed = URI.create("https://feed" + (i % 10) + ".example/");
                Instant at = hours(i);
                String key = "entry-" + i;
                results.add(threads.submit(() -> {
                    store.validators(feed);
                    return store.save(fetched(feed, at, entry(key, key), entry("shared", "same")));
                }));
            }
        }
        SaveResult total = SaveResult.NOTHING;
        for (Future<SaveResult> result : results) {
            total = total.plus(result.get());
        }
        assertThat(total).isEqualTo(new SaveResult(60, 0));
        List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            subs.add(sub(URI.create("https://feed" + i + ".example/")));
        }
        assertThat(store.river(subs, 1000).posts()).hasSize(60);
    }

    @Test
    void failsWithContextOnceClosed() {
        store.close();

        assertThatThrownBy(() -> store.save(fetched(FEED, T0, entry("a", "A"), entry("b", "B"))))
                .isInstanceOf(StoreException.class)
                .hasMessage("store: saving 2 entries for https://example.org/feed: the store is closed");
        assertThatThrownBy(() -> store.validators(FEED))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("store: reading validators for https://example.org/feed: ");
    }

    @Test
    void failsWithContextWhenTheFileCannotBeCreated() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> JdbcStore.openSqlite(notADirectory.resolve("planet.db")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("store: opening " + notADirectory.resolve("planet.db") + ": ");
    }

    private List<Post> posts(Subscription subscription) {
        return store.river(List.of(subscription), 100).posts();
    }

    private static Subscription sub(URI feed) {
        return new Subscription(feed, Optional.empty(), Map.of());
    }

    private static Refresh.Fetched fetched(URI feed, Instant at, Entry... entries) {
        return new Refresh.Fetched(feed, at, Validators.NONE, OptionalInt.of(200), FeedInfo.UNKNOWN, List.of(entries));
    }

    private static Entry entry(String key, String title) {
        return new Entry(
                key,
                title,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "<p>" + title + "</p>",
                Optional.empty(),
                List.of());
    }

    private static Entry dated(String key, Optional<Instant> published, Optional<Instant> updated) {
        return new Entry(
                key, key, Optional.empty(), Optional.empty(), published, updated, "", Optional.empty(), List.of());
    }

    private static Instant hours(int n) {
        return T0.plusSeconds(3600L * n);
    }
}
