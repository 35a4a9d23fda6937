package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.store.StoreFixtures.OTHER;
import static org.orrery.store.StoreFixtures.T0;
import static org.orrery.store.StoreFixtures.entry;
import static org.orrery.store.StoreFixtures.fetched;
import static org.orrery.store.StoreFixtures.sub;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStoreRenameTest {
    private static final URI OLD = URI.create("http://Blog.Example.org:80/feed.xml#top");
    private static final URI NEW = URI.create("https://blog.example.org/feed.xml");

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
        store.save(fetched(OLD, T0, entry("a", "A"), entry("b", "B")));
        store.save(fetched(OTHER, T0, entry("c", "C")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void sectionRespelledToHttpsTakesOverTheStoredFeedWithItsEntries() {
        int renamed = store.carryOver(Set.of(NEW), Set.of(NEW, OTHER));

        assertThat(renamed).isEqualTo(1);
        assertThat(store.river(List.of(sub(NEW)), 10).posts()).hasSize(2);
        assertThat(store.states()).containsOnlyKeys(NEW, OTHER);
    }

    @Test
    void storedFeedStillConfiguredIsNotTakenOver() {
        int renamed = store.carryOver(Set.of(NEW), Set.of(NEW, OLD, OTHER));

        assertThat(renamed).isZero();
        assertThat(store.states()).containsOnlyKeys(OLD, OTHER);
    }

    @Test
    void differentPathIsAnotherFeed() {
        URI elsewhere = URI.create("https://blog.example.org/other.xml");

        assertThat(store.carryOver(Set.of(elsewhere), Set.of(elsewhere, OTHER))).isZero();
    }
}
