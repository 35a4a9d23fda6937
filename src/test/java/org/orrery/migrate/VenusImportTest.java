package org.orrery.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.model.Entry;
import org.orrery.model.Validators;
import org.orrery.store.JdbcStore;
import org.orrery.store.Refresh;

/** What Venus knew of each feed (its {@code sources/} copies), imported beside the entries. */
class VenusImportTest {
    @TempDir
    Path dir;

    private Path cache;
    private PlanetConfig config;

    @BeforeEach
    void setUp() throws Exception {
        cache = dir.resolve("cache");
        copy(
                Path.of(getClass()
                        .getClassLoader()
                        .getResource("migrate/venus/cache")
                        .toURI()),
                cache);
        Path file = dir.resolve("config.ini");
        Files.writeString(
                file,
                """
                [Planet]
                name = test planet
                cache_directory = orrery
                output_dir = output

                [tests/data/spider/testfeed0.atom]
                name = not found

                [tests/data/spider/testfeed2.atom]
                name = two
                """);
        config = ConfigLoader.load(List.of(file), dir);
    }

    @Test
    void aNewSubscriptionGetsTheValidatorsVenusWouldHaveSentAndItsGoneState() throws Exception {
        sources(
                "tests,data,spider,testfeed2.atom",
                "<planet:http_status>200</planet:http_status>",
                """
                <planet:http_status>200</planet:http_status><planet:http_etag>"v42"</planet:http_etag>\
                <planet:http_last_modified>Sat, 17 Jun 2006 00:15:18 GMT</planet:http_last_modified>""");
        sources(
                "tests,data,spider,testfeed0.atom",
                "<planet:http_status>500</planet:http_status>",
                "<planet:http_status>410</planet:http_status>");

        ImportReport report;
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            report = new VenusImport(config, config.subscriptions(), store, dir).run(cache);

            var two = store.state(uri("testfeed2.atom"));
            assertThat(two.validators())
                    .isEqualTo(new Validators(Optional.of("\"v42\""), Optional.of("Sat, 17 Jun 2006 00:15:18 GMT")));
            assertThat(two.gone()).isFalse();
            assertThat(store.state(uri("testfeed0.atom")).gone()).isTrue();
        }
        assertThat(report.validatorsImported()).isEqualTo(1);
        assertThat(report.feeds())
                .extracting(ImportReport.Feed::imported, ImportReport.Feed::gone)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, true), org.assertj.core.groups.Tuple.tuple(4, false));
    }

    @Test
    void aSubscriptionOrreryHasFetchedKeepsItsOwnState() throws Exception {
        sources(
                "tests,data,spider,testfeed2.atom",
                "<planet:http_status>200</planet:http_status>",
                "<planet:http_etag>\"venus\"</planet:http_etag>");
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            store.save(new Refresh.NotModified(
                    uri("testfeed2.atom"),
                    Instant.parse("2024-01-01T00:00:00Z"),
                    new Validators(Optional.of("\"orrery\""), Optional.empty())));

            ImportReport report = new VenusImport(config, config.subscriptions(), store, dir).run(cache);

            assertThat(store.state(uri("testfeed2.atom")).validators().etag()).contains("\"orrery\"");
            assertThat(report.feeds().get(1).stateImported()).isFalse();
            assertThat(report.feeds().get(1).imported()).isEqualTo(4);
            assertThat(report.validatorsImported()).isZero();
        }
    }

    @Test
    void keepsWhatVenusStoredOfEachEntry() throws Exception {
        Path rich = dir.resolve("rich");
        copy(
                Path.of(getClass()
                        .getClassLoader()
                        .getResource("migrate/venus/rich")
                        .toURI()),
                rich);
        Path file = dir.resolve("rich.ini");
        Files.writeString(file, "[Planet]\nname = rich\ncache_directory = orrery-rich\n\n[rich.atom]\nname = Rich\n");
        PlanetConfig richConfig = ConfigLoader.load(List.of(file), dir);
        URI feed = dir.resolve("rich.atom").toUri();

        try (var store = JdbcStore.openSqlite(richConfig.databaseFile())) {
            var report = new VenusImport(richConfig, richConfig.subscriptions(), store, dir).run(rich);
            var posts = store.river(richConfig.subscriptions(), 10).posts();

            assertThat(report.imported()).isEqualTo(2);
            assertThat(posts).hasSize(2);
            Entry edited = posts.stream()
                    .map(p -> p.entry())
                    .filter(e -> e.key().equals("tag:rich.example,2009:1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(edited.title()).isEqualTo("Café <3 bold");
            assertThat(edited.link()).contains(URI.create("http://rich.example/blog/posts/1"));
            assertThat(edited.author()).contains("Ann Author");
            assertThat(edited.categories()).containsExactly("python", "venus");
            assertThat(edited.published()).contains(Instant.parse("2009-04-30T08:00:00Z"));
            assertThat(edited.updated()).contains(Instant.parse("2009-05-01T07:30:00Z"));
            assertThat(edited.enclosures()).singleElement().satisfies(e -> assertThat(e.url())
                    .isEqualTo(URI.create("http://rich.example/ep1.mp3")));
            assertThat(edited.contentHtml())
                    .contains("<a href=\"http://rich.example/blog/other\">relative</a>")
                    .contains("http://rich.example/blog/pic.png");
            assertThat(edited.summaryHtml()).contains("Short summary");
            // Venus dated the entry without dates with its feed's updated; so is it first seen.
            Entry undated = posts.stream()
                    .map(p -> p.entry())
                    .filter(e -> e.key().equals("tag:rich.example,2009:2"))
                    .findFirst()
                    .orElseThrow();
            assertThat(undated.updated()).contains(Instant.parse("2009-05-02T10:00:00Z"));
            assertThat(store.firstSeen(feed))
                    .containsEntry("tag:rich.example,2009:2", Instant.parse("2009-05-02T10:00:00Z"));
            assertThat(store.state(feed).validators()).isEqualTo(Validators.NONE);
        }
    }

    @Test
    void anEntryWhoseIdVenusMadeUpIsKeyedAsOrreryKeysTheItemAndAnUndatedOneKeepsNoDate() throws Exception {
        Path made = dir.resolve("made-up");
        Files.createDirectories(made);
        String source = "<source><id>http://d.example/</id><link rel=\"self\" href=\"http://d.example/feed.rss\"/>"
                + "<updated>2024-05-05T00:00:00Z</updated></source>";
        // md5("Dated") and md5("Undated"): Venus's ids of items with neither an id nor a link.
        entry(made, "dated", "http://d.example/feed.rss/" + md5("Dated"), "Dated", "2024-05-01T06:00:00Z", source);
        entry(
                made,
                "undated",
                "http://d.example/feed.rss/" + md5("Undated"),
                "Undated",
                "2024-05-05T00:00:00Z",
                source);
        entry(made, "not-made-up", "http://d.example/feed.rss/" + md5("Other"), "Kept", "2024-05-02T00:00:00Z", source);
        Path file = dir.resolve("made.ini");
        Files.writeString(
                file, "[Planet]\nname = made\ncache_directory = orrery-made\n\n[http://d.example/feed.rss]\n");
        PlanetConfig madeConfig = ConfigLoader.load(List.of(file), dir);

        try (var store = JdbcStore.openSqlite(madeConfig.databaseFile())) {
            new VenusImport(madeConfig, madeConfig.subscriptions(), store, dir).run(made);
            var entries = store.river(madeConfig.subscriptions(), 10).posts().stream()
                    .map(p -> p.entry())
                    .toList();

            Entry dated = entries.stream()
                    .filter(e -> e.title().equals("Dated"))
                    .findFirst()
                    .orElseThrow();
            assertThat(dated.key()).startsWith("sha256:");
            assertThat(dated.link()).isEmpty();
            assertThat(dated.updated()).contains(Instant.parse("2024-05-01T06:00:00Z"));
            Entry undated = entries.stream()
                    .filter(e -> e.title().equals("Undated"))
                    .findFirst()
                    .orElseThrow();
            assertThat(undated.key()).startsWith("sha256:").isNotEqualTo(dated.key());
            assertThat(undated.updated()).isEmpty();
            assertThat(undated.published()).isEmpty();
            // An id ending in another MD5 is the feed's own id.
            Entry kept = entries.stream()
                    .filter(e -> e.title().equals("Kept"))
                    .findFirst()
                    .orElseThrow();
            assertThat(kept.key()).isEqualTo("http://d.example/feed.rss/" + md5("Other"));
        }
    }

    private static void entry(Path cache, String name, String id, String title, String updated, String source)
            throws IOException {
        Files.writeString(
                cache.resolve(name),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<entry xmlns=\"http://www.w3.org/2005/Atom\">"
                        + "<id>" + id + "</id><title>" + title + "</title><summary>s</summary><updated>" + updated
                        + "</updated>" + source + "</entry>");
    }

    private static String md5(String text) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("MD5")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private URI uri(String feed) {
        return dir.resolve("tests/data/spider").resolve(feed).toUri();
    }

    private void sources(String name, String from, String to) throws IOException {
        Path file = cache.resolve("sources").resolve(name);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void copy(Path from, Path to) throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
