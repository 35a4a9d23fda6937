package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.store.StoreFixtures.FEED;
import static org.orrery.store.StoreFixtures.T0;
import static org.orrery.store.StoreFixtures.entry;
import static org.orrery.store.StoreFixtures.fetched;
import static org.orrery.store.StoreFixtures.hours;
import static org.orrery.store.StoreFixtures.sub;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;

/** Another planet's history added to the store, and the first refresh after it. */
class JdbcStoreImportTest {
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
    void saysWhatBecameOfEachImportedEntry() {
        var a = new ImportedEntry(FEED, entry("a", "A"), hours(5));
        var b = new ImportedEntry(FEED, entry("b", "B"), hours(5));
        assertThat(store.importEntries(List.of(a))).containsExactly(ImportedEntry.Outcome.ADDED);

        var outcomes = store.importEntries(List.of(new ImportedEntry(FEED, entry("a", "A"), hours(1)), b, a));

        assertThat(outcomes)
                .containsExactly(
                        ImportedEntry.Outcome.FIRST_SEEN_EARLIER,
                        ImportedEntry.Outcome.ADDED,
                        ImportedEntry.Outcome.ALREADY_STORED);
        assertThat(store.firstSeen(FEED)).containsEntry("a", hours(1)).containsEntry("b", hours(5));
    }

    @Test
    void aFetchedEntryWithARelativeIdIsTheEntryImportedUnderThatIdResolved() {
        // Venus's parser resolved the guid "post-4" of https://example.org/feed.
        store.importEntries(List.of(
                new ImportedEntry(FEED, entry("https://example.org/post-4", "Four"), T0),
                new ImportedEntry(FEED, entry("https://example.org/post-5", "Five"), T0)));

        SaveResult saved = store.save(fetched(FEED, hours(3), entry("post-4", "Four"), entry("post-6", "Six")));

        assertThat(saved.added()).isEqualTo(1);
        assertThat(store.firstSeen(FEED))
                .containsOnlyKeys("post-4", "https://example.org/post-5", "post-6")
                .containsEntry("post-4", T0)
                .containsEntry("post-6", hours(3));
        assertThat(store.river(List.of(sub(FEED)), 10).posts()).hasSize(3);
    }

    @Test
    void anImportedFeedThatFailedCountsAsFailingUntilFetched() {
        store.importFeed(new ImportedFeed(
                FEED, FeedInfo.UNKNOWN, Validators.NONE, false, OptionalInt.of(404), Optional.of("404: not found")));

        FeedHealth health = store.health(List.of(FEED)).getFirst();
        assertThat(health.errorCount()).isEqualTo(1);
        assertThat(health.lastError()).contains("404: not found");
        assertThat(health.httpStatus()).hasValue(404);

        store.save(fetched(FEED, hours(1)));
        assertThat(store.health(List.of(FEED)).getFirst().errorCount()).isZero();
    }
}
