package org.orrery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.FetchResult;
import org.orrery.fetch.Fetcher;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;
import org.orrery.store.JdbcStore;
import org.orrery.store.Refresh;

/** Publishing a planet's stored entries: front page, numbered pages, archives, in the planet's locale. */
class PlanetPublishTest {
    private static final URI FEED = URI.create("https://a.example/feed");
    private static final Instant NOW = Instant.parse("2017-12-31T12:00:00Z");

    @TempDir
    Path dir;

    /** A fetcher for planets that only publish. */
    private static final Fetcher NO_FETCHING = new Fetcher() {
        @Override
        public FetchResult fetch(URI uri, Validators validators, boolean privateAllowed) {
            throw new AssertionError("publishing never fetches");
        }

        @Override
        public void close() {}
    };

    private Path publish(String options, int entries) throws Exception {
        Path config = dir.resolve("config.ini");
        Files.writeString(config, "[Planet]\nname = Planet Test\n" + options + "\n[" + FEED + "]\nname = A\n");
        PlanetConfig planetConfig = ConfigLoader.load(List.of(config), dir);
        try (var store = JdbcStore.openSqlite(Planet.databaseFile(planetConfig))) {
            var list = new ArrayList<Entry>();
            for (int i = 0; i < entries; i++) {
                Instant at = Instant.parse("2017-12-20T12:00:00Z").minusSeconds(86_400L * 5 * i);
                list.add(new Entry(
                        "e" + i,
                        "Entry " + i,
                        Optional.of(URI.create("https://a.example/" + i)),
                        Optional.empty(),
                        Optional.of(at),
                        Optional.empty(),
                        "<p>" + i + "</p>",
                        Optional.empty(),
                        List.of()));
            }
            store.save(new Refresh.Fetched(FEED, NOW, Validators.NONE, OptionalInt.of(200), FeedInfo.UNKNOWN, list));
            new Planet(planetConfig, NO_FETCHING, store, InstantSource.fixed(NOW)).publish();
        }
        return dir.resolve("output");
    }

    @Test
    void publishesNumberedPagesAndMonthlyArchivesFromTheStore() throws Exception {
        // One entry every five days from 20 December back: 20, 15, 10, 5 Dec, 30, 25 Nov, ...
        Path out = publish("items_per_page = 3", 8);
        assertThat(Jsoup.parse(out.resolve("index.html")).select("article")).hasSize(3);
        assertThat(Jsoup.parse(out.resolve("page/2/index.html")).select("article"))
                .hasSize(3);
        assertThat(Jsoup.parse(out.resolve("page/3/index.html")).select("article"))
                .hasSize(2);
        assertThat(out.resolve("page/4/index.html")).doesNotExist();
        assertThat(Jsoup.parse(out.resolve("archive/2017/12/index.html")).select("article"))
                .hasSize(4);
        assertThat(Jsoup.parse(out.resolve("archive/index.html"))
                        .select("section.archive li")
                        .eachText())
                .containsExactly("December 2017 (4)", "November 2017 (4)");
        assertThat(Files.readString(out.resolve("atom.xml")).split("<entry>")).hasSize(4);
    }

    @Test
    void daysPerPageAndLocaleAreActedOn() throws Exception {
        Path out =
                publish("items_per_page = 10\ndays_per_page = 2\nlocale = de_DE.UTF-8\nnew_date_format = %d. %B %Y", 5);
        var front = Jsoup.parse(out.resolve("index.html"));
        assertThat(front.select("section.day > h2").eachText())
                .containsExactly("20. Dezember 2017", "15. Dezember 2017");
        assertThat(front.select("a[rel=next]").attr("href")).isEqualTo("page/2/index.html");
        assertThat(out.resolve("page/3/index.html")).exists();
        assertThat(Files.readString(out.resolve("rss20.xml")).split("<item>")).hasSize(6);
        assertThat(Jsoup.parse(out.resolve("archive/index.html"))
                        .select("section.archive a")
                        .eachText())
                .containsExactly("Dezember 2017", "November 2017");
    }
}
