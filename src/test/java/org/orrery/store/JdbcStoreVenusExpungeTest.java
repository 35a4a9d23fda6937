package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.store.StoreFixtures.T0;
import static org.orrery.store.StoreFixtures.fetched;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.Entry;
import org.orrery.model.Post;

/**
 * Expunging Venus's own expunge test data (tests/data/expunge) as its config.ini asks:
 * {@code cache_keep_entries = 1} for the planet, 2 for testfeed4, testfeed5 not subscribed. Venus's
 * tests/test_expunge.py expects test3/3, test4/2 and test4/3 kept of the entries with a source
 * feed (and test1, test2, which name none and so cannot be in an Orrery store).
 */
class JdbcStoreVenusExpungeTest {
    private static final Path DATA = VenusCache.resource("/store/venus/expunge");
    private static final String TAG = "tag:bzr.mfd-consult.dk,2007:venus-expunge-";

    @TempDir
    Path dir;

    /** The store the tests run on, in {@code databaseFile}: SQLite here; a subclass runs them on another. */
    JdbcStore open(Path databaseFile) {
        return JdbcStore.openSqlite(databaseFile);
    }

    private JdbcStore store;

    @BeforeEach
    void storeVenusCache() throws Exception {
        store = open(dir.resolve("orrery.db"));
        for (var source : VenusCache.entriesBySource(DATA).entrySet()) {
            store.save(fetched(source.getKey(), T0, source.getValue().toArray(Entry[]::new)));
            // Venus expunges its cache, not the feeds: the entries are no longer in them.
            store.save(fetched(source.getKey(), T0.plusSeconds(60)));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static URI feed(int n) {
        return URI.create(TAG + "testfeed" + n);
    }

    @Test
    void keepsEachFeedsNewestCacheKeepEntriesAndNothingOfAFeedNotSubscribed() {
        var expiry = new Expiry(
                Map.of(
                        feed(1), new Expiry.Rule(1, Optional.empty()),
                        feed(2), new Expiry.Rule(1, Optional.empty()),
                        feed(3), new Expiry.Rule(1, Optional.empty()),
                        feed(4), new Expiry.Rule(2, Optional.empty())),
                false);
        List<URI> stored = List.of(feed(3), feed(4), feed(5));
        assertThat(keys(stored)).hasSize(7);

        var expunged = store.expunge(expiry);

        assertThat(keys(stored)).containsExactlyInAnyOrder(TAG + "test3/3", TAG + "test4/2", TAG + "test4/3");
        assertThat(expunged)
                .containsExactly(
                        new Expunged(feed(3), 2, 1, true),
                        new Expunged(feed(4), 1, 2, true),
                        new Expunged(feed(5), 1, 0, false));
        assertThat(store.state(feed(5))).isEqualTo(FeedState.NEW);
    }

    private List<String> keys(List<URI> feeds) {
        return store.river(feeds.stream().map(StoreFixtures::sub).toList(), 100).posts().stream()
                .map(Post::entry)
                .map(Entry::key)
                .toList();
    }
}
