package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.store.StoreFixtures.FEED;
import static org.orrery.store.StoreFixtures.dated;
import static org.orrery.store.StoreFixtures.fetched;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.RiverOrder;

/** The store marks the days entries changed on, by each river order, until publishing forgets them. */
class ChangedDaysTest {
    private static final Instant MARCH = Instant.parse("2026-03-10T10:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-02T10:00:00Z");
    private static final Instant SEEN = Instant.parse("2026-05-20T10:00:00Z");

    @TempDir
    Path dir;

    /** The store the tests run on, in {@code databaseFile}: SQLite here; a subclass runs them on another. */
    JdbcStore open(Path databaseFile) {
        return JdbcStore.openSqlite(databaseFile);
    }

    private static long day(Instant t) {
        return t.toEpochMilli() / 86_400_000L;
    }

    @Test
    void addedChangedAndRemovedEntriesMarkTheirDaysUntilForgotten() {
        try (var store = open(dir.resolve("orrery.db"))) {
            store.save(fetched(FEED, SEEN, dated("a", Optional.of(MARCH), Optional.empty())));
            assertThat(store.changedDays(RiverOrder.DATE)).containsOnlyKeys(day(MARCH));
            assertThat(store.changedDays(RiverOrder.FIRST_SEEN)).containsOnlyKeys(day(SEEN));
            store.forgetChangedDays(RiverOrder.DATE, store.changedDays(RiverOrder.DATE));
            assertThat(store.changedDays(RiverOrder.DATE)).isEmpty();
            assertThat(store.changedDays(RiverOrder.FIRST_SEEN))
                    .as("the other order's marks stay")
                    .hasSize(1);

            // The same entry saved again unchanged marks nothing; moved to April, both days.
            store.save(fetched(FEED, SEEN.plusSeconds(60), dated("a", Optional.of(MARCH), Optional.empty())));
            assertThat(store.changedDays(RiverOrder.DATE)).isEmpty();
            store.save(fetched(FEED, SEEN.plusSeconds(120), dated("a", Optional.of(APRIL), Optional.empty())));
            assertThat(store.changedDays(RiverOrder.DATE)).containsOnlyKeys(day(MARCH), day(APRIL));
        }
    }

    @Test
    void aDayMarkedAgainAfterItWasReadIsNotForgotten() {
        try (var store = open(dir.resolve("orrery.db"))) {
            store.save(fetched(FEED, SEEN, dated("a", Optional.of(MARCH), Optional.empty())));
            var read = store.changedDays(RiverOrder.DATE);
            store.save(fetched(
                    FEED,
                    SEEN.plusSeconds(60),
                    dated("a", Optional.of(MARCH), Optional.empty()),
                    dated("b", Optional.of(MARCH.plusSeconds(60)), Optional.empty())));
            store.forgetChangedDays(RiverOrder.DATE, read);
            assertThat(store.changedDays(RiverOrder.DATE))
                    .as("b arrived on the same day after the marks were read")
                    .containsOnlyKeys(day(MARCH));
        }
    }

    @Test
    void theDaysOfAFeedsEntries() {
        try (var store = open(dir.resolve("orrery.db"))) {
            store.save(fetched(
                    FEED,
                    SEEN,
                    dated("a", Optional.of(MARCH), Optional.empty()),
                    dated("b", Optional.of(APRIL), Optional.empty())));
            assertThat(store.entryDays(List.of(FEED), RiverOrder.DATE)).containsOnly(day(MARCH), day(APRIL));
            assertThat(store.entryDays(List.of(FEED), RiverOrder.FIRST_SEEN)).containsOnly(day(SEEN));
            assertThat(store.entryDays(List.of(StoreFixtures.OTHER), RiverOrder.DATE))
                    .isEmpty();
        }
    }
}
