package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.store.StoreFixtures.T0;
import static org.orrery.store.StoreFixtures.fetched;
import static org.orrery.store.StoreFixtures.sub;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Post;
import org.orrery.model.RiverOrder;
import org.orrery.model.Subscription;
import org.orrery.model.Validators;
import org.orrery.schedule.Schedule;

/**
 * Venus's {@code new_feed_items} (its splice.py: at most this many entries of one feed in the
 * output) over Venus's own splice test cache, whose counts Venus's tests/test_splice.py states.
 */
class JdbcStoreVenusSpliceTest {
    private static final Path CACHE = VenusCache.resource("/store/venus/splice/cache");
    private static final RiverOrder VENUS_3 = RiverOrder.DATE.withPerFeed(3);

    @TempDir
    Path dir;

    /** The store the tests run on, in {@code databaseFile}: SQLite here; a subclass runs them on another. */
    JdbcStore open(Path databaseFile) {
        return JdbcStore.openSqlite(databaseFile);
    }

    private JdbcStore store;
    private Map<String, URI> feeds;

    @BeforeEach
    void storeVenusCache() throws Exception {
        store = open(dir.resolve("orrery.db"));
        // The subscriptions of splice/config.ini, by their feeds' ids (testfeed0 never answered: no id).
        feeds = VenusCache.feedIds(CACHE.resolve("sources"));
        for (var source : VenusCache.entriesBySource(CACHE).entrySet()) {
            store.save(fetched(source.getKey(), T0, source.getValue().toArray(Entry[]::new)));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<Subscription> subscriptions() {
        return feeds.values().stream().map(StoreFixtures::sub).toList();
    }

    private static Map<URI, Long> perFeed(List<Post> posts) {
        return posts.stream().collect(Collectors.groupingBy(p -> p.channel().feedUri(), Collectors.counting()));
    }

    @Test
    void withoutNewFeedItemsTheRiverHoldsAllTwelveEntries() {
        assertThat(feeds).hasSize(3);
        assertThat(store.river(subscriptions(), 60).posts()).hasSize(12);
    }

    @Test
    void entriesOfAFeedNoLongerSubscribedAreLeftOut() {
        feeds.remove("tests,data,spider,testfeed2.atom");

        assertThat(store.river(subscriptions(), 60).posts()).hasSize(8);
    }

    @Test
    void newFeedItemsThreeShowsNineEntriesTheNewestThreeOfEachFeed() {
        List<Post> posts = store.river(subscriptions(), 60, VENUS_3).posts();

        assertThat(posts).hasSize(9);
        assertThat(perFeed(posts)).hasSize(3).allSatisfy((feed, count) -> assertThat(count)
                .isEqualTo(3));
        // Each feed's oldest entry (Mercury, 1 January 2006) is the one left out.
        assertThat(posts).extracting(p -> p.entry().title()).doesNotContain("Mercury");
        // What Venus's splice() gives for this cache with each file's time set to its entry's
        // updated date, as Venus's spider sets it (run under Python 2.7); entries dated alike
        // may come in another order.
        assertThat(keys(posts))
                .containsExactlyInAnyOrder(
                        "tag:planet.intertwingly.net,2006:testfeed3/2",
                        "http://example.com/4",
                        "tag:planet.intertwingly.net,2006:testfeed1/2",
                        "tag:planet.intertwingly.net,2006:testfeed2/4",
                        "tag:planet.intertwingly.net,2006:testfeed1/4",
                        "tag:planet.intertwingly.net,2006:testfeed2/3",
                        "tag:planet.intertwingly.net,2006:testfeed1/3",
                        "http://example.com/3",
                        "tag:planet.intertwingly.net,2006:testfeed2/2");
        assertThat(posts)
                .extracting(p -> p.date().toString())
                .containsExactly(
                        "2006-10-14T13:02:18Z",
                        "2006-10-14T13:02:18Z",
                        "2006-02-02T00:00:00Z",
                        "2006-01-04T00:00:00Z",
                        "2006-01-04T00:00:00Z",
                        "2006-01-03T00:00:00Z",
                        "2006-01-03T00:00:00Z",
                        "2006-01-03T00:00:00Z",
                        "2006-01-02T00:00:00Z");
    }

    @Test
    void newFeedItemsCountsOverTheWholeRiverSoPagesArchivesAndFeedsAgree() {
        List<Subscription> subscriptions = subscriptions();
        List<Instant> dates = store.riverDates(subscriptions, VENUS_3);
        List<String> front = keys(store.river(subscriptions, 60, VENUS_3).posts());

        assertThat(dates).hasSize(9);
        List<String> paged = new ArrayList<>();
        for (int from = 0; from < dates.size(); from += 4) {
            paged.addAll(keys(
                    store.river(subscriptions, RiverRange.of(dates, from, Math.min(from + 4, dates.size())), VENUS_3)
                            .posts()));
        }
        List<String> streamed = new ArrayList<>();
        store.eachPost(
                subscriptions, VENUS_3, false, 100, p -> streamed.add(p.entry().key()));

        assertThat(paged).isEqualTo(front);
        assertThat(streamed).isEqualTo(front);
    }

    @Test
    void theRiverStillStopsAtItsLimit() {
        assertThat(store.river(subscriptions(), 5, VENUS_3).posts()).hasSize(5);
    }

    @Test
    void hiddenEntriesDoNotCountTowardsAFeedsShare() {
        URI feed = URI.create("https://example.org/feed");
        Entry[] entries = new Entry[5];
        for (int i = 0; i < 5; i++) {
            entries[i] = StoreFixtures.dated("e" + i, Optional.of(T0.minusSeconds(i)), Optional.empty());
        }
        store.save(new Refresh.Fetched(
                feed,
                T0,
                Validators.NONE,
                OptionalInt.of(200),
                FeedInfo.UNKNOWN,
                List.of(entries),
                Optional.empty(),
                Schedule.NONE,
                Set.of("e0"),
                Optional.empty(),
                java.util.Set.of()));

        assertThat(keys(store.river(List.of(sub(feed)), 60, VENUS_3).posts())).containsExactly("e1", "e2", "e3");
    }

    private static List<String> keys(List<Post> posts) {
        return posts.stream().map(p -> p.entry().key()).toList();
    }
}
