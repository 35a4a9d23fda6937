package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orrery import} of a Planet 2.0 cache: Berkeley DB hash files, one per feed. */
class Planet2ImportCommandTest {
    @TempDir
    Path dir;

    private Path cache;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        cache = dir.resolve("cache");
        Files.createDirectories(cache);
        Path from = Path.of(
                getClass().getClassLoader().getResource("migrate/planet2/cache").toURI());
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, cache.resolve(file.getFileName()));
            }
        }
        config = dir.resolve("config.ini");
        Files.writeString(
                config,
                """
                [Planet]
                name = planet two
                cache_directory = %s
                output_dir = %s
                river_order = first_seen

                [http://a.example/feed]
                name = A

                [http://b.example/rss?x=1]
                name = B
                """
                        .formatted(dir.resolve("orrery"), dir.resolve("output")));
    }

    @Test
    void importsEachFeedsItemsInPlanet2Order() throws Exception {
        var run = CliRun.of("import", cache.toString(), "--config", config.toString());
        var built = CliRun.of("build", config.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("http://a.example/feed: imported 3 entries\n")
                .contains("http://b.example/rss?x=1: imported 1 entry; gone (the old planet was answered 410 Gone)")
                .contains("not in config.ini: http://c.example/feed (Blog C): 1 entry left out"
                        + " (--subscribe adds [http://c.example/feed])")
                .contains("the ETag or Last-Modified of 1 feed imported")
                .contains("imported 4 entries, 0 updated, 0 already stored; left out 1 (1 of feeds not in config.ini);"
                        + " unreadable files 0")
                .doesNotContain("note:");
        assertThat(built.status()).isZero();
        // Newest first; at the same date Planet 2.0's higher order number ("10" over "1") first; the
        // hidden item (new_feed_items) stays hidden.
        var page = Jsoup.parse(dir.resolve("output/index.html").toFile(), "UTF-8");
        assertThat(page.select("h3.entry-title").stream().map(Element::text).toList())
                .containsExactly("A: Long", "B: Same time, later order", "A: First <post>");
        assertThat(page.text())
                .contains("Hello world")
                .contains("long body long body")
                .doesNotContain("never shown");
    }

    @Test
    void keepsTheValidatorsPlanet2WouldHaveSent() throws Exception {
        CliRun.of("import", cache.toString(), "--config", config.toString());

        try (var db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("orrery/orrery.db"));
                var rows = db.createStatement()
                        .executeQuery("SELECT url, title, etag, last_modified, gone FROM subscription ORDER BY url")) {
            List<String> subscriptions = new java.util.ArrayList<>();
            while (rows.next()) {
                subscriptions.add(String.join(
                        " | ",
                        rows.getString(1),
                        rows.getString(2),
                        String.valueOf(rows.getString(3)),
                        String.valueOf(rows.getString(4)),
                        rows.getString(5)));
            }
            assertThat(subscriptions)
                    .containsExactly(
                            "http://a.example/feed | Blog & A | \"etag-a\" | Wed, 13 Jan 2010 02:26:05 GMT | 0",
                            "http://b.example/rss?x=1 | Blog B | null | null | 1");
        }
    }

    @Test
    void importingTwiceAddsNothing() {
        CliRun.of("import", cache.toString(), "--config", config.toString());

        var again = CliRun.of("import", cache.toString(), "--config", config.toString());

        assertThat(again.out()).contains("imported 0 entries, 0 updated, 4 already stored");
    }

    @Test
    void aDamagedFileIsNamedAndTheOthersImported() throws Exception {
        byte[] bytes = Files.readAllBytes(cache.resolve("a.example,feed"));
        Files.write(cache.resolve("a.example,feed"), java.util.Arrays.copyOf(bytes, 100));

        var run = CliRun.of("import", cache.toString(), "--config", config.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("unreadable: a.example,feed: ")
                .contains("http://b.example/rss?x=1: imported 1 entry");
    }

    @Test
    void aFailingFeedsItemKeyedByItsTitleIsTheItemOrreryFetchesLater() throws Exception {
        try (var server = new FeedServer("migrate/planet2/made-up")) {
            String url = server.url("feed.rss");
            Path old = Files.createDirectories(dir.resolve("made-up"));
            // Planet 2.0 named a feed's file after its URL (cache.filename).
            Files.copy(
                    Path.of(getClass()
                            .getClassLoader()
                            .getResource("migrate/planet2/made-up/feed.db")
                            .toURI()),
                    old.resolve(url.substring("http://".length()).replace('/', ',')));
            Files.writeString(
                    config,
                    "[Planet]\nname = made up\ncache_directory = %s\noutput_dir = %s\n\n[%s]\nname = D\n"
                            .formatted(dir.resolve("orrery"), dir.resolve("output"), url));

            var imported = CliRun.of("import", old.toString(), "--config", config.toString());
            var status = CliRun.of("status", config.toString());
            var fetched = CliRun.of("fetch", config.toString());

            assertThat(imported.out())
                    .contains(url + ": imported 2 entries; failing (the old planet's last fetch: 404: not found)\n");
            assertThat(status.out()).contains("404: not found");
            // Both items are known: the one without an id or link by its title and date.
            assertThat(fetched.out()).contains("1 ok").contains("entries: 0 new");
        }
    }
}
