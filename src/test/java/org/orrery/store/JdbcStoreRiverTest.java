package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.store.StoreFixtures.FEED;
import static org.orrery.store.StoreFixtures.OTHER;
import static org.orrery.store.StoreFixtures.T0;
import static org.orrery.store.StoreFixtures.dated;
import static org.orrery.store.StoreFixtures.entry;
import static org.orrery.store.StoreFixtures.fetched;
import static org.orrery.store.StoreFixtures.hours;
import static org.orrery.store.StoreFixtures.sub;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.Channel;
import org.orrery.model.FeedInfo;
import org.orrery.model.Post;
import org.orrery.model.River;
import org.orrery.model.RiverOrder;
import org.orrery.model.Subscription;
import org.orrery.model.Validators;

class JdbcStoreRiverTest {
    @TempDir
    Path dir;

    /** The store the tests run on, in {@code databaseFile}: SQLite here; a subclass runs them on another. */
    JdbcStore open(Path databaseFile) {
        return JdbcStore.openSqlite(databaseFile);
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
    void riverIsNewestFirstByUpdatedThenPublishedThenFirstSeenAndLimited() {
        store.save(fetched(
                FEED,
                hours(10),
                dated("edited-9h", Optional.of(hours(3)), Optional.of(hours(9))),
                dated("updated-5h", Optional.empty(), Optional.of(hours(5))),
                entry("seen-10h", "no dates")));
        store.save(fetched(OTHER, hours(10), dated("other-4h", Optional.of(hours(4)), Optional.empty())));

        List<Subscription> both = List.of(sub(FEED), sub(OTHER));
        // Venus and Planet 2.0 both date an entry by its updated date: an edited post moves up.
        assertThat(store.river(both, 10).posts())
                .extracting(p -> p.entry().key())
                .containsExactly("seen-10h", "edited-9h", "updated-5h", "other-4h");
        assertThat(store.river(both, 10).posts())
                .extracting(Post::date)
                .containsExactly(hours(10), hours(9), hours(5), hours(4));
        assertThat(store.riverDates(both)).containsExactly(hours(10), hours(9), hours(5), hours(4));
        assertThat(store.river(both, 2).posts()).extracting(p -> p.date()).containsExactly(hours(10), hours(9));
        assertThat(store.river(both, 0).posts()).isEmpty();
    }

    @Test
    void riverOrderPublishedKeepsAnEditedPostOnTheDayItFirstAppeared() {
        store.save(fetched(
                FEED,
                hours(10),
                dated("edited", Optional.of(hours(3)), Optional.of(hours(9))),
                dated("updated-5h", Optional.empty(), Optional.of(hours(5)))));
        store.save(fetched(OTHER, hours(10), dated("other-4h", Optional.of(hours(4)), Optional.empty())));
        List<Subscription> both = List.of(sub(FEED), sub(OTHER));

        assertThat(store.river(both, 10, RiverOrder.PUBLISHED).posts())
                .extracting(p -> p.entry().key() + "@" + p.date())
                .containsExactly("updated-5h@" + hours(5), "other-4h@" + hours(4), "edited@" + hours(3));
        List<java.time.Instant> dates = store.riverDates(both, RiverOrder.PUBLISHED);
        assertThat(dates).containsExactly(hours(5), hours(4), hours(3));
        assertThat(store.river(both, RiverRange.of(dates, 1, 3), RiverOrder.PUBLISHED)
                        .posts())
                .extracting(p -> p.entry().key())
                .containsExactly("other-4h", "edited");
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
        URI third = URI.create("https://third.example/rss");
        store.save(fetched(FEED, T0, entry("a", "A")));
        store.save(fetched(OTHER, hours(1), entry("b", "B")));
        store.save(fetched(third, hours(2), entry("c", "C")));

        River few = store.river(List.of(sub(OTHER)), 10);
        assertThat(few.posts()).extracting(p -> p.entry().key()).containsExactly("b");
        assertThat(few.channels()).extracting(Channel::feedUri).containsExactly(OTHER);
        River most = store.river(List.of(sub(FEED), sub(OTHER)), 10);
        assertThat(most.posts()).extracting(p -> p.entry().key()).containsExactly("b", "a");
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

    private List<Post> posts(Subscription subscription) {
        return store.river(List.of(subscription), 100).posts();
    }

    @Test
    void riverOrderFirstSeenShowsEntriesAsThePlanetSawThemWhateverTheirDates() {
        // Today's post seen first; then an old archive (dated years back) imported later.
        store.save(fetched(FEED, hours(1), dated("today", Optional.of(hours(0)), Optional.empty())));
        store.save(fetched(
                OTHER,
                hours(5),
                dated("archive-1", Optional.of(T0.minusSeconds(86_400L * 900)), Optional.empty()),
                dated("archive-2", Optional.of(T0.minusSeconds(86_400L * 1000)), Optional.empty())));
        List<Subscription> both = List.of(sub(FEED), sub(OTHER));

        assertThat(store.river(both, 10).posts())
                .extracting(p -> p.entry().key())
                .containsExactly("today", "archive-1", "archive-2");
        River bySeen = store.river(both, 10, RiverOrder.FIRST_SEEN);
        assertThat(bySeen.posts()).extracting(p -> p.entry().key()).containsExactly("archive-1", "archive-2", "today");
        assertThat(bySeen.posts()).extracting(Post::date).containsExactly(hours(5), hours(5), hours(1));
        List<java.time.Instant> dates = store.riverDates(both, RiverOrder.FIRST_SEEN);
        assertThat(dates).containsExactly(hours(5), hours(5), hours(1));
        assertThat(store.river(both, RiverRange.of(dates, 1, 3), RiverOrder.FIRST_SEEN)
                        .posts())
                .extracting(p -> p.entry().key())
                .containsExactly("archive-2", "today");
        assertThat(store.river(both, RiverRange.of(dates, 2, 3), RiverOrder.FIRST_SEEN)
                        .posts())
                .extracting(p -> p.entry().key())
                .containsExactly("today");
    }
}
