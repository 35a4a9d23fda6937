package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.store.StoreFixtures.FEED;
import static org.orrery.store.StoreFixtures.OTHER;
import static org.orrery.store.StoreFixtures.dated;
import static org.orrery.store.StoreFixtures.fetched;
import static org.orrery.store.StoreFixtures.hours;
import static org.orrery.store.StoreFixtures.sub;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.Entry;
import org.orrery.model.Post;
import org.orrery.model.RiverOrder;
import org.orrery.model.Validators;

/** Expunging keeps each feed's newest entries (Venus's expunge.py), those of its last days, and those its feed still carries. */
class JdbcStoreExpungeTest {
    @TempDir
    Path dir;

    /** The store the tests run on, in {@code databaseFile}: SQLite here; a subclass runs them on another. */
    JdbcStore open(Path databaseFile) {
        return JdbcStore.openSqlite(databaseFile);
    }

    private JdbcStore store;

    @BeforeEach
    void open() {
        store = open(dir.resolve("orrery.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Entry {@code e<n>} published {@code n} hours after T0. */
    private static Entry at(int n) {
        return dated("e" + n, Optional.of(hours(n)), Optional.empty());
    }

    /** Stores entries 1..n of FEED, then a document holding only the newest, so the rest left the feed. */
    private void storeLeftTheFeed(URI feed, int n) {
        Entry[] all = new Entry[n];
        for (int i = 0; i < n; i++) {
            all[i] = at(i + 1);
        }
        store.save(fetched(feed, hours(n), all));
        store.save(fetched(feed, hours(n + 1), at(n)));
    }

    private List<String> keys(URI feed) {
        return store.river(List.of(sub(feed)), 1000).posts().stream()
                .map(Post::entry)
                .map(Entry::key)
                .toList();
    }

    private static Expiry keep(URI feed, int newest) {
        return new Expiry(Map.of(feed, new Expiry.Rule(newest, Optional.empty())), false);
    }

    @Test
    void keepsTheNewestEntriesOfEachFeed() {
        storeLeftTheFeed(FEED, 6);

        var expunged = store.expunge(keep(FEED, 3));

        assertThat(expunged).containsExactly(new Expunged(FEED, 3, 3, true));
        assertThat(keys(FEED)).containsExactly("e6", "e5", "e4");
        assertThat(store.expunge(keep(FEED, 3))).isEmpty();
    }

    @Test
    void neverRemovesWhatTheFeedStillCarries() {
        store.save(fetched(FEED, hours(5), at(1), at(2), at(3), at(4), at(5)));

        assertThat(store.expunge(keep(FEED, 1))).isEmpty();
        assertThat(keys(FEED)).hasSize(5);
    }

    @Test
    void removesWhatTheFrontPageShowsBeyondEachFeedsNewestAsVenusDoes() {
        storeLeftTheFeed(FEED, 6);
        store.save(fetched(OTHER, hours(1), dated("old", Optional.of(Instant.EPOCH), Optional.empty())));
        var both = new Expiry(
                Map.of(
                        FEED, new Expiry.Rule(1, Optional.empty()),
                        OTHER, new Expiry.Rule(1, Optional.empty())),
                false);

        var expunged = store.expunge(both);

        // The front page showed e6..e1: all but FEED's newest go, whatever a page showed.
        assertThat(expunged).containsExactly(new Expunged(FEED, 5, 1, true));
        assertThat(keys(FEED)).containsExactly("e6");
        assertThat(keys(OTHER)).containsExactly("old");
    }

    @Test
    void newestMeansMostRecentlyUpdatedAsVenusDatesItsCacheFiles() {
        store.save(fetched(
                FEED,
                hours(10),
                dated("edited", Optional.of(hours(1)), Optional.of(hours(9))),
                dated("recent", Optional.of(hours(5)), Optional.empty())));
        store.save(fetched(FEED, hours(11)));

        store.expunge(keep(FEED, 1));

        assertThat(keys(FEED)).containsExactly("edited");
    }

    @Test
    void keepsEntriesNewerThanTheAgeLimit() {
        storeLeftTheFeed(FEED, 6);

        store.expunge(new Expiry(Map.of(FEED, new Expiry.Rule(1, Optional.of(hours(3)))), false));

        assertThat(keys(FEED)).containsExactly("e6", "e5", "e4", "e3");
    }

    @Test
    void removesFeedsNoLongerSubscribedUnlessTheListIsIncomplete() {
        storeLeftTheFeed(FEED, 2);
        store.save(fetched(OTHER, hours(1), at(1)));

        assertThat(store.expunge(new Expiry(Map.of(FEED, new Expiry.Rule(10, Optional.empty())), true)))
                .isEmpty();
        assertThat(store.expunge(keep(FEED, 10))).containsExactly(new Expunged(OTHER, 1, 0, false));

        assertThat(keys(OTHER)).isEmpty();
        assertThat(store.state(OTHER)).isEqualTo(FeedState.NEW);
        assertThat(keys(FEED)).hasSize(2);
    }

    @Test
    void keepsTheLastCopyOfAReadingList() {
        URI list = URI.create("https://example.org/blogroll.opml");
        assertThat(store.readingList(list)).isEmpty();
        byte[] body = {'<', 'o', 'p', 'm', 'l', '/', '>', (byte) 0xFF};

        store.saveReadingList(
                list, new ReadingListCopy(body, new Validators(Optional.of("\"1\""), Optional.empty()), hours(1)));
        store.saveReadingList(
                list, new ReadingListCopy(body, new Validators(Optional.of("\"2\""), Optional.empty()), hours(2)));

        var copy = store.readingList(list).orElseThrow();
        assertThat(copy.body()).isEqualTo(body);
        assertThat(copy.validators().etag()).contains("\"2\"");
        assertThat(copy.fetchedAt()).isEqualTo(hours(2));
    }

    @Test
    void withRiverOrderFirstSeenKeepsWhatWasSeenLastWhateverItsDates() {
        // Today's post seen first; then an archive of two old posts imported later.
        store.save(fetched(FEED, hours(1), dated("today", Optional.of(hours(0)), Optional.empty())));
        store.save(fetched(
                FEED,
                hours(5),
                dated("archive-1", Optional.of(hours(-9000)), Optional.empty()),
                dated("archive-2", Optional.of(hours(-9999)), Optional.empty())));
        store.save(fetched(FEED, hours(6)));

        var byDate = new Expiry(Map.of(FEED, new Expiry.Rule(2, Optional.empty())), false, RiverOrder.DATE);
        var bySeen = new Expiry(Map.of(FEED, new Expiry.Rule(2, Optional.empty())), false, RiverOrder.FIRST_SEEN);

        assertThat(store.expunge(bySeen)).containsExactly(new Expunged(FEED, 1, 2, true));
        assertThat(store.river(List.of(sub(FEED)), 10, RiverOrder.FIRST_SEEN).posts())
                .extracting(p -> p.entry().key())
                .containsExactly("archive-1", "archive-2");
        assertThat(store.expunge(byDate)).isEmpty();
    }
}
