package org.orrery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;
import org.orrery.schedule.Schedule;
import org.orrery.store.JdbcStore;
import org.orrery.store.Refresh;

/** A run whose fetches changed nothing leaves the published site as it is. */
class PlanetPublishIfChangedTest {
    private static final URI FEED = URI.create("https://a.example/feed");
    private static final Instant NOW = Instant.parse("2017-12-31T12:00:00Z");

    @TempDir
    Path dir;

    private Path configFile;
    private PlanetConfig config;
    private JdbcStore store;
    private Planet planet;

    @BeforeEach
    void open() throws Exception {
        configFile = dir.resolve("config.ini");
        Files.writeString(configFile, "[Planet]\nname = Planet Test\n\n[" + FEED + "]\nname = A\n");
        config = ConfigLoader.load(List.of(configFile), dir);
        store = JdbcStore.openSqlite(config.databaseFile());
        planet = new Planet(config, PlanetPublishTest.NO_FETCHING, store, InstantSource.fixed(NOW));
        save(entry("e1", "First"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void save(Entry... entries) {
        store.save(new Refresh.Fetched(
                FEED, NOW, Validators.NONE, OptionalInt.of(200), FeedInfo.UNKNOWN, List.of(entries)));
    }

    private static Entry entry(String key, String title) {
        return entry(key, title, Instant.parse("2017-12-20T12:00:00Z"));
    }

    private static Entry entry(String key, String title, Instant published) {
        return new Entry(
                key,
                title,
                Optional.of(URI.create("https://a.example/" + key)),
                Optional.empty(),
                Optional.of(published),
                Optional.empty(),
                "<p>" + title + "</p>",
                Optional.empty(),
                List.of(),
                List.of());
    }

    private Path output(String name) {
        return config.outputDir().resolve(name);
    }

    @Test
    void skipsPublishingWhenNothingChangedButStillWritesTheHealthReport() throws Exception {
        assertThat(planet.publishIfChanged()).isNotEmpty();
        Files.delete(output("health.json"));
        Files.delete(output("health.html"));
        Files.writeString(output("atom.xml"), "left alone");
        store.save(new Refresh.NotModified(
                FEED, NOW.plusSeconds(60), Validators.NONE, OptionalInt.of(304), Schedule.NONE));

        assertThat(planet.publishIfChanged()).isEmpty();
        assertThat(output("health.json")).exists();
        assertThat(output("health.html")).exists();
        assertThat(output("atom.xml")).hasContent("left alone");
    }

    @Test
    void publishesAgainWhenAnEntryIsAddedOrChanged() throws Exception {
        planet.publishIfChanged();
        save(entry("e1", "First"), entry("e2", "Second"));
        assertThat(planet.publishIfChanged()).isNotEmpty();
        assertThat(Files.readString(output("index.html"))).contains("Second");

        save(entry("e1", "First, corrected"), entry("e2", "Second"));
        assertThat(planet.publishIfChanged()).isNotEmpty();
        assertThat(Files.readString(output("index.html"))).contains("First, corrected");

        save(entry("e1", "First, corrected"), entry("e2", "Second"));
        assertThat(planet.publishIfChanged()).isEmpty();
    }

    @Test
    void runExpungesOnlyWhenSomethingChanged() throws Exception {
        Files.writeString(
                configFile,
                "[Planet]\nname = Planet Test\nitems_per_page = 1\ncache_keep_entries = 1\ncache_keep_days = 30\n\n["
                        + FEED + "]\nname = A\n");
        config = ConfigLoader.load(List.of(configFile), dir);
        save(dated("old1", NOW.minusSeconds(86_400)), dated("old2", NOW.minusSeconds(2 * 86_400)));
        save(dated("new", NOW)); // old1 and old2 leave the feed, but are younger than 30 days
        var today = new Planet(config, PlanetPublishTest.NO_FETCHING, store, InstantSource.fixed(NOW));
        var upkeep = today.expungeAndPublishIfChanged();
        assertThat(upkeep.expunged()).isEmpty();
        assertThat(upkeep.written()).isNotEmpty();

        // Sixty days on, old1 and old2 could go, but nothing the site shows has changed.
        var later = new Planet(
                config, PlanetPublishTest.NO_FETCHING, store, InstantSource.fixed(NOW.plusSeconds(60 * 86_400L)));
        upkeep = later.expungeAndPublishIfChanged();
        assertThat(upkeep).isEqualTo(new Planet.Upkeep(List.of(), OptionalInt.empty()));
        assertThat(store.firstSeen(FEED)).containsOnlyKeys("old1", "old2", "new", "e1");

        save(dated("new", NOW), dated("newer", NOW.plusSeconds(59 * 86_400L)));
        upkeep = later.expungeAndPublishIfChanged();
        assertThat(upkeep.expunged()).singleElement().satisfies(e -> assertThat(e.removed())
                .isEqualTo(3));
        assertThat(upkeep.written()).isNotEmpty();
        assertThat(store.firstSeen(FEED)).containsOnlyKeys("new", "newer");
        assertThat(later.expungeAndPublishIfChanged().written()).isEmpty();
    }

    @Test
    void runExpungesEntriesThatLeftTheirFeedThoughNothingElseChanged() throws Exception {
        Files.writeString(
                configFile,
                "[Planet]\nname = Planet Test\nitems_per_page = 1\ncache_keep_entries = 1\n\n[" + FEED
                        + "]\nname = A\n");
        config = ConfigLoader.load(List.of(configFile), dir);
        var planet = new Planet(config, PlanetPublishTest.NO_FETCHING, store, InstantSource.fixed(NOW));
        save(dated("new", NOW), dated("old1", NOW.minusSeconds(86_400)), dated("old2", NOW.minusSeconds(172_800)));
        planet.expungeAndPublishIfChanged();

        save(dated("new", NOW)); // old1 and old2 leave the feed; nothing the site shows changed
        var upkeep = planet.expungeAndPublishIfChanged();

        assertThat(upkeep.expunged()).singleElement().satisfies(e -> assertThat(e.removed())
                .isEqualTo(2));
        assertThat(store.firstSeen(FEED)).containsOnlyKeys("new");
        save(dated("new", NOW));
        assertThat(planet.expungeAndPublishIfChanged())
                .as("the same feed again changes nothing")
                .isEqualTo(new Planet.Upkeep(List.of(), OptionalInt.empty()));
    }

    private static Entry dated(String key, Instant published) {
        return entry(key, key, published);
    }

    @Test
    void publishesAgainWhenAFeedStartsFailing() throws Exception {
        planet.publishIfChanged();
        store.save(new Refresh.Failed(FEED, NOW, "HTTP 404 Not Found", OptionalInt.of(404), false, Schedule.NONE));
        assertThat(planet.publishIfChanged()).isNotEmpty();
    }

    @Test
    void publishesAgainWhenTheConfigChangesOrThePagesAreGone() throws Exception {
        planet.publishIfChanged();
        Files.setLastModifiedTime(configFile, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(planet.publishIfChanged()).isNotEmpty();
        assertThat(planet.publishIfChanged()).isEmpty();

        Files.delete(output("index.html"));
        assertThat(planet.publishIfChanged()).isNotEmpty();
        assertThat(output("index.html")).exists();
    }

    @Test
    void publishAlwaysPublishes() throws Exception {
        planet.publishIfChanged();
        Files.writeString(output("atom.xml"), "stale");
        assertThat(planet.publish()).isPositive();
        assertThat(Files.readString(output("atom.xml"))).contains("First");
        assertThat(planet.publishIfChanged()).isEmpty();
    }
}
