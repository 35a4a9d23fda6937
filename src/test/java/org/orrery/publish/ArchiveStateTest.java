package org.orrery.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.Planet;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.Fetcher;
import org.orrery.fetch.NoFetching;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;
import org.orrery.store.JdbcStore;
import org.orrery.store.Refresh;

/**
 * A monthly archive page whose headlines cannot have changed is neither read nor rendered again;
 * one that changed is, whatever changed it: a new, edited or removed entry, its feed, its look.
 */
class ArchiveStateTest {
    private static final URI FEED = URI.create("https://a.example/feed");
    private static final Instant FIRST = Instant.parse("2017-12-20T12:00:00Z");
    private static final Instant LATER = Instant.parse("2017-12-21T08:30:00Z");

    @TempDir
    Path dir;

    static final Fetcher NO_FETCHING = NoFetching.FETCHER;

    private static Entry entry(String key, String title, String date) {
        return new Entry(
                key,
                title,
                Optional.of(URI.create("https://a.example/" + key)),
                Optional.empty(),
                Optional.of(Instant.parse(date)),
                Optional.empty(),
                "<p>" + title + "</p>",
                Optional.empty(),
                List.of(),
                List.of());
    }

    private void publish(PlanetConfig config, Instant at, List<Entry> entries) throws Exception {
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            store.save(new Refresh.Fetched(FEED, at, Validators.NONE, OptionalInt.of(200), FeedInfo.UNKNOWN, entries));
            new Planet(config, NO_FETCHING, store, InstantSource.fixed(at)).publish();
        }
    }

    private PlanetConfig config(String options) throws Exception {
        Path file = dir.resolve("config.ini");
        Files.writeString(file, "[Planet]\nname = Planet Test\n" + options + "\n[" + FEED + "]\nname = A\n");
        return ConfigLoader.load(List.of(file), dir);
    }

    private String page(String path) throws Exception {
        return Files.readString(dir.resolve("output").resolve(path));
    }

    @Test
    void onlyTheArchivePagesThatChangedAreRenderedAgain() throws Exception {
        PlanetConfig config = config("");
        var november = entry("n1", "A November post", "2017-11-10T09:00:00Z");
        var december = entry("d1", "A December post", "2017-12-10T09:00:00Z");
        publish(config, FIRST, List.of(december, november));
        String novemberBefore = page("archive/2017/11/index.html");
        assertThat(novemberBefore).contains("A November post").contains("datetime=\"2017-12-20T12:00:00+00:00\"");

        // A new December entry, a day later: December's archive changes, November's does not.
        publish(
                config,
                LATER,
                List.of(entry("d2", "Another December post", "2017-12-21T08:00:00Z"), december, november));

        assertThat(page("archive/2017/11/index.html")).isEqualTo(novemberBefore);
        assertThat(page("archive/2017/12/index.html"))
                .contains("Another December post")
                .contains("datetime=\"2017-12-21T08:30:00+00:00\"");
    }

    @Test
    void anEditedHeadlineOrAnotherLookRendersThePageAgain() throws Exception {
        var november = entry("n1", "A November post", "2017-11-10T09:00:00Z");
        var december = entry("d1", "A December post", "2017-12-10T09:00:00Z");
        publish(config(""), FIRST, List.of(december, november));

        publish(config(""), LATER, List.of(december, entry("n1", "A November post, edited", "2017-11-10T09:00:00Z")));
        assertThat(page("archive/2017/11/index.html"))
                .contains("A November post, edited")
                .contains("datetime=\"2017-12-21T08:30:00+00:00\"");

        Instant evenLater = LATER.plusSeconds(86_400);
        publish(config("date_format = %Y-%m-%d %H:%M"), evenLater, List.of(december));
        assertThat(page("archive/2017/11/index.html")).contains("datetime=\"2017-12-22T08:30:00+00:00\"");
    }

    private static final URI OTHER = URI.create("https://b.example/feed");

    private PlanetConfig twoFeeds() throws Exception {
        Path file = dir.resolve("config.ini");
        Files.writeString(file, "[Planet]\nname = Planet Test\n\n[" + FEED + "]\n\n[" + OTHER + "]\n");
        return ConfigLoader.load(List.of(file), dir);
    }

    private static final Publisher.Health HEALTHY = new Publisher.Health(
            java.util.Map.of(),
            new byte[0],
            new org.orrery.render.HealthPage.Report(java.time.Instant.EPOCH, java.util.List.of(), java.util.List.of()));

    /** Publishes what the store holds; returns how many archive pages were rendered. */
    private int publishStore(PlanetConfig config, JdbcStore store, Instant at) throws Exception {
        var publisher = new Publisher(config, store, InstantSource.fixed(at), Publisher.site(config));
        publisher.publish(config.subscriptions(), HEALTHY, org.orrery.render.Theme.DEFAULT);
        return publisher.lastArchivesRendered();
    }

    private static List<Entry> december(String prefix, int n, Instant newest) {
        var entries = new java.util.ArrayList<Entry>();
        for (int i = 0; i < n; i++) {
            entries.add(entry(
                    prefix + i,
                    prefix + " post " + i,
                    newest.minusSeconds(60L * i).toString()));
        }
        return entries;
    }

    private static void save(JdbcStore store, URI feed, Instant at, String title, List<Entry> entries) {
        store.save(new Refresh.Fetched(
                feed,
                at,
                Validators.NONE,
                OptionalInt.of(200),
                new FeedInfo(Optional.of(title), Optional.empty()),
                entries));
    }

    @Test
    void aNewEntryRendersOnlyItsMonthsNewestPart() throws Exception {
        PlanetConfig config = twoFeeds();
        int per = org.orrery.render.SitePages.HEADLINES_PER_ARCHIVE_PAGE;
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            var posts = december("d", 2 * per + 10, Instant.parse("2017-12-20T00:00:00Z"));
            save(store, FEED, FIRST, "A", posts);
            save(store, OTHER, FIRST, "B", List.of(entry("n1", "A November post", "2017-11-10T09:00:00Z")));
            assertThat(publishStore(config, store, FIRST))
                    .as("first publishing: every page")
                    .isEqualTo(4);
            String oldest = page("archive/2017/12/1/index.html");

            assertThat(publishStore(config, store, FIRST)).as("nothing changed").isZero();

            var more = new java.util.ArrayList<>(List.of(entry("new", "The newest post", "2017-12-21T08:00:00Z")));
            more.addAll(posts);
            save(store, FEED, LATER, "A", more);
            assertThat(publishStore(config, store, LATER))
                    .as("only December's own page")
                    .isEqualTo(1);
            assertThat(page("archive/2017/12/index.html")).contains("The newest post");
            assertThat(page("archive/2017/12/1/index.html")).isEqualTo(oldest);
        }
    }

    @Test
    void aFeedsNewNameRendersThePagesOfItsEntriesOnly() throws Exception {
        PlanetConfig config = twoFeeds();
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            save(store, FEED, FIRST, "A", List.of(entry("d1", "A December post", "2017-12-10T09:00:00Z")));
            save(store, OTHER, FIRST, "B", List.of(entry("n1", "A November post", "2017-11-10T09:00:00Z")));
            publishStore(config, store, FIRST);
            String december = page("archive/2017/12/index.html");

            save(store, OTHER, LATER, "B renamed", List.of(entry("n1", "A November post", "2017-11-10T09:00:00Z")));
            assertThat(publishStore(config, store, LATER)).isEqualTo(1);
            assertThat(page("archive/2017/11/index.html")).contains("B renamed");
            assertThat(page("archive/2017/12/index.html")).isEqualTo(december);
        }
    }

    @Test
    void aRemovedEntryOrAMissingFileRendersItsPageAgain() throws Exception {
        PlanetConfig config = twoFeeds();
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            save(store, FEED, FIRST, "A", List.of(entry("d1", "A December post", "2017-12-10T09:00:00Z")));
            save(
                    store,
                    OTHER,
                    FIRST,
                    "B",
                    List.of(
                            entry("n1", "A November post", "2017-11-10T09:00:00Z"),
                            entry("n2", "An old November post", "2017-11-02T09:00:00Z")));
            publishStore(config, store, FIRST);
            assertThat(page("archive/2017/11/index.html")).contains("An old November post");

            // The old post leaves its feed, and expunging then removes it (the feed keeps one entry).
            save(store, OTHER, LATER, "B", List.of(entry("n1", "A November post", "2017-11-10T09:00:00Z")));
            assertThat(store.expunge(new org.orrery.store.Expiry(
                            java.util.Map.of(OTHER, new org.orrery.store.Expiry.Rule(1, Optional.empty())),
                            true,
                            org.orrery.model.RiverOrder.DATE,
                            LATER.minusSeconds(30L * 86_400))))
                    .isNotEmpty();
            assertThat(publishStore(config, store, LATER)).isEqualTo(1);
            assertThat(page("archive/2017/11/index.html")).doesNotContain("An old November post");

            Files.delete(dir.resolve("output/archive/2017/12/index.html"));
            assertThat(publishStore(config, store, LATER)).isEqualTo(1);
            assertThat(page("archive/2017/12/index.html")).contains("A December post");
        }
    }
}
