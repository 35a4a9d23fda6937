package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.store.StoreFixtures.FEED;
import static org.orrery.store.StoreFixtures.OTHER;
import static org.orrery.store.StoreFixtures.T0;
import static org.orrery.store.StoreFixtures.dated;
import static org.orrery.store.StoreFixtures.entry;
import static org.orrery.store.StoreFixtures.hours;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;
import org.orrery.schedule.Schedule;

/** The fetch state and health a subscription's refreshes leave behind. */
class JdbcStoreStateTest {
    private static final URI MOVED = URI.create("https://example.org/new-feed");

    @TempDir
    Path dir;

    /** The store the tests run on, in {@code databaseFile}: SQLite here; a subclass runs them on another. */
    JdbcStore open(Path databaseFile) {
        return JdbcStore.openSqlite(databaseFile);
    }

    private JdbcStore store;

    @BeforeEach
    void open() {
        store = open(dir.resolve("planet.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNewSubscriptionHasNoStateAndNeverFetchedHealth() {
        assertThat(store.state(FEED)).isEqualTo(FeedState.NEW);
        assertThat(store.health(List.of(FEED))).containsExactly(FeedHealth.never(FEED));
    }

    /** Reads reuse kept connections; none of them may go on seeing the database as it was. */
    @Test
    void aReadAfterAWriteSeesItThroughTheKeptConnections() {
        for (int i = 0; i < 20; i++) {
            assertThat(store.state(FEED).errorCount()).isEqualTo(i);
            assertThat(store.health(List.of(FEED)).getFirst().lastAttempt())
                    .isEqualTo(i == 0 ? Optional.empty() : Optional.of(hours(i - 1)));
            store.save(new Refresh.Failed(FEED, hours(i), "HTTP 500", OptionalInt.of(500), false, Schedule.NONE));
        }
    }

    @Test
    void statesReadsEverySubscriptionsStateAtOnce() {
        Schedule later = new Schedule(Optional.of(hours(1)), Optional.empty(), Optional.of(MOVED), 1);
        store.save(fetched(entry("a", "A")));
        store.save(new Refresh.Failed(OTHER, T0, "HTTP 500", OptionalInt.of(500), false, later));

        assertThat(store.states())
                .containsOnlyKeys(FEED, OTHER)
                .containsEntry(FEED, store.state(FEED))
                .containsEntry(OTHER, store.state(OTHER));
        assertThat(store.states().get(OTHER).errorCount()).isEqualTo(1);
    }

    @Test
    void theChangeCountGrowsWithWhatTheSiteShowsAndOnlyThen() {
        long start = store.changeCount();
        store.save(fetched(entry("a", "A")));
        long added = store.changeCount();
        assertThat(added).isGreaterThan(start);

        store.save(fetched(entry("a", "A")));
        store.save(new Refresh.NotModified(FEED, hours(1), Validators.NONE, OptionalInt.of(304), Schedule.NONE));
        assertThat(store.changeCount()).isEqualTo(added);

        store.save(fetched(entry("a", "A, corrected")));
        long changed = store.changeCount();
        assertThat(changed).isGreaterThan(added);

        store.save(new Refresh.Failed(FEED, hours(2), "HTTP 500", OptionalInt.of(500), false, Schedule.NONE));
        long failing = store.changeCount();
        assertThat(failing).isGreaterThan(changed);
        store.save(new Refresh.Failed(FEED, hours(3), "HTTP 500", OptionalInt.of(500), false, Schedule.NONE));
        assertThat(store.changeCount()).isEqualTo(failing);
    }

    private static Refresh.Fetched fetched(org.orrery.model.Entry entry) {
        return new Refresh.Fetched(FEED, T0, Validators.NONE, OptionalInt.of(200), FeedInfo.UNKNOWN, List.of(entry));
    }

    @Test
    void keepsTheHashAndScheduleOfAFetch() {
        Schedule schedule = new Schedule(Optional.of(hours(1)), Optional.of(MOVED), Optional.empty(), 0);
        store.save(new Refresh.Fetched(
                FEED,
                T0,
                Validators.NONE,
                OptionalInt.of(200),
                FeedInfo.UNKNOWN,
                List.of(entry("a", "A")),
                Optional.of("abc123"),
                schedule,
                Set.of(),
                Optional.empty(),
                java.util.Set.of()));

        assertThat(store.state(FEED))
                .isEqualTo(new FeedState(Validators.NONE, Optional.of("abc123"), 0, false, schedule));
    }

    @Test
    void countsFailuresInARowAndMarksGoneUntilASuccess() {
        Schedule later = new Schedule(Optional.of(hours(1)), Optional.empty(), Optional.of(MOVED), 1);
        store.save(new Refresh.Failed(FEED, T0, "HTTP 500 Internal Server Error", OptionalInt.of(500), false, later));
        store.save(new Refresh.Failed(FEED, hours(1), "HTTP 410 Gone", OptionalInt.of(410), true, Schedule.NONE));

        FeedState state = store.state(FEED);
        assertThat(state.errorCount()).isEqualTo(2);
        assertThat(state.gone()).isTrue();
        FeedHealth health = store.health(List.of(FEED)).getFirst();
        assertThat(health.lastError()).contains("HTTP 410 Gone");
        assertThat(health.httpStatus()).hasValue(410);
        assertThat(health.lastAttempt()).contains(hours(1));
        assertThat(health.lastSuccess()).isEmpty();

        store.save(new Refresh.NotModified(FEED, hours(2), Validators.NONE, OptionalInt.of(200), Schedule.NONE));
        assertThat(store.state(FEED).errorCount()).isZero();
        assertThat(store.health(List.of(FEED)).getFirst().lastSuccess()).contains(hours(2));
    }

    @Test
    void reportsTheNewestEntryOfEachSubscriptionInTheOrderAsked() {
        store.save(StoreFixtures.fetched(
                FEED,
                T0,
                dated("old", Optional.of(hours(-48)), Optional.empty()),
                dated("new", Optional.of(hours(-2)), Optional.empty())));
        store.save(StoreFixtures.fetched(OTHER, T0));

        List<FeedHealth> health = store.health(List.of(OTHER, FEED));

        assertThat(health).extracting(FeedHealth::feedUri).containsExactly(OTHER, FEED);
        assertThat(health.get(0).newestEntry()).isEmpty();
        assertThat(health.get(1).newestEntry()).contains(hours(-2));
        assertThat(health.get(1).lastSuccess()).contains(T0);
    }
}
