package org.orrery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import org.orrery.fetch.Fetcher;
import org.orrery.fetch.NoFetching;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;
import org.orrery.render.PublishException;
import org.orrery.store.JdbcStore;
import org.orrery.store.Refresh;

/** Publishing a planet's stored entries: front page, numbered pages, archives, in the planet's locale. */
class PlanetPublishTest {
    private static final URI FEED = URI.create("https://a.example/feed");
    private static final Instant NOW = Instant.parse("2017-12-31T12:00:00Z");

    @TempDir
    Path dir;

    static final Fetcher NO_FETCHING = NoFetching.FETCHER;

    private Path publish(String options, int entries) throws Exception {
        Path config = dir.resolve("config.ini");
        Files.writeString(config, "[Planet]\nname = Planet Test\n" + options + "\n[" + FEED + "]\nname = A\n");
        PlanetConfig planetConfig = ConfigLoader.load(List.of(config), dir);
        try (var store = JdbcStore.openSqlite(planetConfig.databaseFile())) {
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
                        List.of(),
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
        var december = Jsoup.parse(out.resolve("archive/2017/12/index.html"));
        assertThat(december.select("li.h-entry a.p-name").eachText())
                .containsExactly("Entry 0", "Entry 1", "Entry 2", "Entry 3");
        assertThat(december.select(".e-content"))
                .as("an archive lists headlines")
                .isEmpty();
        assertThat(december.select("aside a.feed-link"))
                .as("and no subscriptions")
                .isEmpty();
        assertThat(Jsoup.parse(out.resolve("index.html")).select("aside a.feed-link"))
                .hasSize(1);
        assertThat(Jsoup.parse(out.resolve("archive/index.html"))
                        .select("section.archive li")
                        .eachText())
                .containsExactly("December 2017 (4)", "November 2017 (4)");
        assertThat(Files.readString(out.resolve("atom.xml")).split("<entry>")).hasSize(4);
    }

    @Test
    void pagesNoLongerProducedAreRemovedButAMaintainersOwnFilesStay() throws Exception {
        Path out = publish("items_per_page = 3", 8);
        assertThat(out.resolve("page/3/index.html")).exists();
        Files.writeString(out.resolve("about.html"), "my own page");
        Files.writeString(out.resolve("page/notes.txt"), "my own notes");

        publish("items_per_page = 5", 8);

        assertThat(out.resolve("page/2/index.html")).exists();
        assertThat(out.resolve("page/3/index.html")).doesNotExist();
        assertThat(out.resolve("page/3")).doesNotExist();
        assertThat(out.resolve("about.html")).hasContent("my own page");
        assertThat(out.resolve("page/notes.txt")).hasContent("my own notes");
        assertThat(out.resolve("archive/2017/12/index.html")).exists();
    }

    @Test
    void everyPageAndArchiveOfALongRiverIsPublishedWhateverTheOrderTheyAreRenderedIn() throws Exception {
        // 400 entries five days apart: 67 pages of 6 (20 published), and archives back to 2012.
        Path out = publish("items_per_page = 6", 400);
        for (int page = 2; page <= 20; page++) {
            var articles = Jsoup.parse(out.resolve("page/" + page + "/index.html"))
                    .select("article h3")
                    .eachText();
            int first = (page - 1) * 6;
            assertThat(articles)
                    .as("page %d", page)
                    .hasSize(6)
                    .first()
                    .asString()
                    .contains("Entry " + first);
        }
        assertThat(out.resolve("page/21/index.html")).doesNotExist();
        var months = Jsoup.parse(out.resolve("archive/index.html"))
                .select("section.archive li")
                .eachText();
        int listed = 0;
        for (String month : months) {
            listed += Integer.parseInt(month.replaceAll(".*\\((\\d+)\\)$", "$1"));
        }
        assertThat(listed).isEqualTo(400);
        assertThat(Jsoup.parse(out.resolve("archive/2012/08/index.html")).select("li.h-entry"))
                .isNotEmpty();
    }

    @Test
    void aPageThatCannotBeWrittenFailsThePublishAndSaysWhere() throws Exception {
        Files.createDirectories(dir.resolve("output/archive/2013"));
        Files.writeString(dir.resolve("output/archive/2013/05"), "a file where a month's directory goes");

        assertThatThrownBy(() -> publish("items_per_page = 6", 400))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("archive/2013/05");
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

    private Path publishRefreshes(String options, Refresh.Fetched... refreshes) throws Exception {
        Path config = dir.resolve("config.ini");
        Files.writeString(config, "[Planet]\nname = Planet Test\n" + options + "\n[" + FEED + "]\nname = A\n");
        PlanetConfig planetConfig = ConfigLoader.load(List.of(config), dir);
        try (var store = JdbcStore.openSqlite(planetConfig.databaseFile())) {
            for (Refresh.Fetched refresh : refreshes) {
                store.save(refresh);
            }
            new Planet(planetConfig, NO_FETCHING, store, InstantSource.fixed(NOW)).publish();
        }
        return dir.resolve("output");
    }

    private static Entry published(String key, String title, Instant at) {
        return new Entry(
                key,
                title,
                Optional.of(URI.create("https://a.example/" + key)),
                Optional.empty(),
                Optional.of(at),
                Optional.empty(),
                "<p>" + title + "</p>",
                Optional.empty(),
                List.of(),
                List.of());
    }

    private static Refresh.Fetched refresh(Instant at, Entry... entries) {
        return new Refresh.Fetched(FEED, at, Validators.NONE, OptionalInt.of(200), FeedInfo.UNKNOWN, List.of(entries));
    }

    /** Yesterday's post first, then today an imported archive post of 2010. */
    private Path publishArchiveImportedToday(String options) throws Exception {
        return publishRefreshes(
                options,
                refresh(NOW.minusSeconds(86_400), published("fresh", "Fresh", Instant.parse("2017-12-30T09:00:00Z"))),
                refresh(NOW, published("old", "Old", Instant.parse("2010-01-01T09:00:00Z"))));
    }

    @Test
    void riverOrderDateShowsPostsByTheirOwnDates() throws Exception {
        var front = Jsoup.parse(publishArchiveImportedToday("").resolve("index.html"));
        assertThat(front.text().indexOf("Fresh")).isLessThan(front.text().indexOf("Old"));
    }

    @Test
    void riverOrderFirstSeenShowsPostsInTheOrderThePlanetSawThem() throws Exception {
        Path out = publishArchiveImportedToday("river_order = first_seen");
        var front = Jsoup.parse(out.resolve("index.html"));
        assertThat(front.text().indexOf("Old")).isLessThan(front.text().indexOf("Fresh"));
        assertThat(front.select("section.day > h2").eachText())
                .containsExactly("December 31, 2017", "December 30, 2017");
        String atom = Files.readString(out.resolve("atom.xml"));
        assertThat(atom.indexOf("https://a.example/old")).isLessThan(atom.indexOf("https://a.example/fresh"));
    }

    @Test
    void encodingWritesHtmlAndXmlInThatCharsetWithCharacterReferencesForTheRest() throws Exception {
        Path out = publishRefreshes(
                "encoding = iso-8859-1",
                refresh(NOW, published("tokyo", "naïve 東京", Instant.parse("2017-12-30T09:00:00Z"))));

        String html = new String(Files.readAllBytes(out.resolve("index.html")), StandardCharsets.ISO_8859_1);
        assertThat(html).contains("<meta charset=\"iso-8859-1\">", "naïve &#26481;&#20140;");
        byte[] atom = Files.readAllBytes(out.resolve("atom.xml"));
        assertThat(new String(atom, StandardCharsets.ISO_8859_1))
                .startsWith("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>")
                .contains("naïve &#26481;&#20140;")
                .doesNotContain("東京");
        var feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(atom)));
        assertThat(feed.getEntries().getFirst().getTitle()).isEqualTo("naïve 東京");
        assertThat(Jsoup.parse(out.resolve("index.html")).text()).contains("naïve 東京");
        assertThat(Files.readString(out.resolve("feed.json"))).contains("naïve 東京");
    }
}
