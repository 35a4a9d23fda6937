package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orrery.store.StoreFixtures.FEED;
import static org.orrery.store.StoreFixtures.OTHER;
import static org.orrery.store.StoreFixtures.T0;
import static org.orrery.store.StoreFixtures.entry;
import static org.orrery.store.StoreFixtures.fetched;
import static org.orrery.store.StoreFixtures.hours;
import static org.orrery.store.StoreFixtures.sub;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.FeedInfo;
import org.orrery.model.RiverOrder;
import org.orrery.model.Validators;
import org.orrery.schedule.Schedule;

/** A planet's SQLite store copied into PostgreSQL ({@code orrery migrate-store}) reads back the same. */
class StoreCopyTest {
    @TempDir
    Path dir;

    @Test
    void aCopyIntoPostgresqlReadsBackAsTheSqliteStoreWithNothingLost() {
        Path file = dir.resolve("orrery.db");
        Validators tagged = new Validators(Optional.of("\"v1\""), Optional.of("Thu, 01 Jan 2026 00:00:00 GMT"));
        var copy = new ReadingListCopy("<opml/>".getBytes(StandardCharsets.UTF_8), tagged, hours(2));
        try (var sqlite = JdbcStore.openSqlite(file)) {
            sqlite.save(new Refresh.Fetched(
                    FEED,
                    T0,
                    tagged,
                    OptionalInt.of(200),
                    FeedInfo.UNKNOWN,
                    List.of(entry("a", "A"), entry("b", "B"), entry("secret", "Hidden")),
                    Optional.of("hash"),
                    Schedule.NONE,
                    Set.of("secret"),
                    Optional.empty(),
                    Set.of()));
            sqlite.save(fetched(OTHER, T0, entry("c", "C")));
            sqlite.save(new Refresh.Failed(OTHER, hours(1), "connection refused", OptionalInt.empty()));
            sqlite.saveReadingList(URI.create("https://example.org/list.opml"), copy);
            sqlite.keepSafeHtml(Map.of("digest-1", "<p>safe</p>"), "2:default", hours(1));

            String postgres = TestPostgres.url(dir.resolve("postgres"));
            try (var pg = JdbcStore.openPostgresql(postgres)) {
                Map<String, Long> copied = sqlite.copyInto(pg);

                assertThat(copied).containsEntry("subscription", 2L).containsEntry("entry", 4L);
                assertThat(pg.states()).isEqualTo(sqlite.states());
                assertThat(pg.health(List.of(FEED, OTHER))).isEqualTo(sqlite.health(List.of(FEED, OTHER)));
                assertThat(pg.firstSeen(FEED)).isEqualTo(sqlite.firstSeen(FEED));
                var subs = List.of(sub(FEED), sub(OTHER));
                assertThat(pg.river(subs, 10)).isEqualTo(sqlite.river(subs, 10));
                assertThat(pg.river(subs, 10).posts()).hasSize(3);
                assertThat(pg.entryCounts()).isEqualTo(sqlite.entryCounts());
                assertThat(pg.readingList(URI.create("https://example.org/list.opml")))
                        .hasValueSatisfying(c -> assertThat(c.body()).isEqualTo(copy.body()));
                assertThat(pg.safeHtml(List.of("digest-1"), List.of("2:default")))
                        .isEqualTo(Map.of("digest-1", "<p>safe</p>"));
                RiverOrder order = RiverOrder.DATE;
                assertThat(pg.changedDays(order)).isEqualTo(sqlite.changedDays(order));
                assertThat(pg.changeCount()).isEqualTo(sqlite.changeCount());

                // The copy goes on as a store: new rows get ids after the copied ones.
                SaveResult saved =
                        pg.save(fetched(URI.create("https://third.example/feed"), hours(3), entry("d", "D")));
                assertThat(saved.added()).isEqualTo(1);

                assertThatThrownBy(() -> sqlite.copyInto(pg))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("not empty");
            }
        }
    }
}
