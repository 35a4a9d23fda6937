package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.store.StoreFixtures.FEED;
import static org.orrery.store.StoreFixtures.OTHER;
import static org.orrery.store.StoreFixtures.dated;
import static org.orrery.store.StoreFixtures.hours;
import static org.orrery.store.StoreFixtures.sub;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.RiverOrder;
import org.orrery.model.Subscription;
import org.orrery.model.Validators;
import org.orrery.schedule.Schedule;

/** Reading the river a page at a time, for pages and archives. */
class JdbcStorePagesTest {
    @TempDir
    Path dir;

    /** The store the tests run on, in {@code databaseFile}: SQLite here; a subclass runs them on another. */
    JdbcStore open(Path databaseFile) {
        return JdbcStore.openSqlite(databaseFile);
    }

    private JdbcStore store;
    private final List<Subscription> both = List.of(sub(FEED), sub(OTHER));

    @BeforeEach
    void open() {
        store = open(dir.resolve("planet.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Entry at(String key, int hour) {
        return dated(key, Optional.of(hours(hour)), Optional.empty());
    }

    /** Ten entries, several of them sharing a date, and a hidden one. */
    private void saveEntries() {
        store.save(new Refresh.Fetched(
                FEED,
                hours(20),
                Validators.NONE,
                OptionalInt.of(200),
                FeedInfo.UNKNOWN,
                List.of(at("a9", 9), at("a8", 8), at("a7", 7), at("a7b", 7), at("a5", 5), at("hidden", 6)),
                Optional.empty(),
                Schedule.NONE,
                Set.of("hidden"),
                Optional.empty(),
                java.util.Set.of()));
        store.save(new Refresh.Fetched(
                OTHER,
                hours(20),
                Validators.NONE,
                OptionalInt.of(200),
                FeedInfo.UNKNOWN,
                List.of(at("b7", 7), at("b7b", 7), at("b3", 3), at("b1", 1)),
                Optional.empty(),
                Schedule.NONE,
                Set.of(),
                Optional.empty(),
                java.util.Set.of()));
    }

    @Test
    void riverDatesAreTheShownPostsDatesNewestFirst() {
        saveEntries();
        assertThat(store.riverDates(both))
                .containsExactly(
                        hours(9), hours(8), hours(7), hours(7), hours(7), hours(7), hours(5), hours(3), hours(1));
        assertThat(store.riverDates(List.of(sub(OTHER)))).hasSize(4);
        assertThat(store.riverDates(List.of())).isEmpty();
    }

    @Test
    void rangesCutTheRiverExactlyEvenBetweenPostsOfTheSameDate() {
        saveEntries();
        List<String> whole = store.river(both, 100).posts().stream()
                .map(p -> p.entry().key())
                .toList();
        assertThat(whole).hasSize(9).doesNotContain("hidden");
        List<Instant> dates = store.riverDates(both);
        for (int size = 1; size <= dates.size(); size++) {
            var pages = new ArrayList<String>();
            for (int from = 0; from < dates.size(); from += size) {
                var range = RiverRange.of(dates, from, Math.min(from + size, dates.size()));
                store.river(both, range)
                        .posts()
                        .forEach(p -> pages.add(p.entry().key()));
            }
            assertThat(pages).as("pages of %d", size).containsExactlyElementsOf(whole);
        }
    }

    @Test
    void aRangeCarriesEveryChannel() {
        saveEntries();
        var range = RiverRange.of(store.riverDates(both), 0, 1);
        var river = store.river(both, range);
        assertThat(river.posts()).extracting(p -> p.entry().key()).containsExactly("a9");
        assertThat(river.channels()).hasSize(2);
    }

    @Test
    void eachPostWalksTheWholeRiverInOrderWithOrWithoutBodies() {
        saveEntries();
        store.save(new Refresh.Fetched(
                FEED,
                hours(21),
                Validators.NONE,
                OptionalInt.of(200),
                FeedInfo.UNKNOWN,
                List.of(new Entry(
                        "a10",
                        "Ten",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(hours(10)),
                        Optional.empty(),
                        "<p>body</p>",
                        Optional.of("<p>summary</p>"),
                        List.of(),
                        List.of())),
                Optional.empty(),
                Schedule.NONE,
                Set.of(),
                Optional.empty(),
                java.util.Set.of()));
        List<String> whole = store.river(both, 100).posts().stream()
                .map(p -> p.entry().key())
                .toList();
        var withBodies = new ArrayList<org.orrery.model.Post>();
        var headlines = new ArrayList<org.orrery.model.Post>();
        store.eachPost(both, RiverOrder.DATE, true, 100, withBodies::add);
        store.eachPost(both, RiverOrder.DATE, false, 100, headlines::add);

        assertThat(withBodies).extracting(p -> p.entry().key()).containsExactlyElementsOf(whole);
        assertThat(headlines).extracting(p -> p.entry().key()).containsExactlyElementsOf(whole);
        assertThat(withBodies.getFirst().entry().contentHtml()).isEqualTo("<p>body</p>");
        assertThat(withBodies.getFirst().entry().summaryHtml()).contains("<p>summary</p>");
        assertThat(headlines.getFirst().entry().title()).isEqualTo("Ten");
        assertThat(headlines.getFirst().entry().contentHtml()).isEmpty();
        assertThat(headlines.getFirst().entry().summaryHtml()).isEmpty();
        assertThat(headlines).extracting(p -> p.channel().feedUri()).containsOnly(FEED, OTHER);
        var firstThree = new ArrayList<String>();
        store.eachPost(
                both, RiverOrder.DATE, true, 3, p -> firstThree.add(p.entry().key()));
        assertThat(firstThree).containsExactlyElementsOf(whole.subList(0, 3));
    }
}
