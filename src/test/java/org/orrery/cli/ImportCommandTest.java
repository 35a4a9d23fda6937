package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orrery import}: Venus's own test cache (its {@code tests/data/splice}) imported, then
 * published, against what Venus's splice makes of the same cache.
 */
class ImportCommandTest {
    private static final String SUBSCRIPTIONS =
            """
            [tests/data/spider/testfeed0.atom]
            name = not found

            [tests/data/spider/testfeed1b.atom]
            name = one

            [tests/data/spider/testfeed2.atom]
            name = two

            [tests/data/spider/testfeed3.rss]
            name = three
            """;

    @TempDir
    Path dir;

    private Path cache;

    @BeforeEach
    void copyVenusCache() throws Exception {
        cache = dir.resolve("venus-cache");
        copy(resource("migrate/venus/cache"), cache);
        datedAsVenusDatesThem(cache);
    }

    @Test
    void frontPageShowsWhatVenusSplicedInVenusOrder() throws Exception {
        Path config = config("river_order = first_seen", SUBSCRIPTIONS);

        var imported = CliRun.of("import", cache.toString(), "--config", config.toString());
        var built = CliRun.of("build", config.toString());

        assertThat(imported.status()).isZero();
        assertThat(imported.out())
                .contains(feed("testfeed1b.atom") + ": imported 4 entries\n")
                .contains(feed("testfeed2.atom") + ": imported 4 entries\n")
                .contains(feed("testfeed3.rss") + ": imported 4 entries\n")
                .contains("imported 12 entries, 0 updated, 0 already stored; left out 0; unreadable files 0")
                // Nothing in this config says it is Venus's, as Venus's own test config does not.
                .contains("note: config.ini is read as planet2 (")
                .contains("the cache is Venus's: add 'dialect = venus' to [Planet]");
        assertThat(built.status()).isZero();
        assertThat(frontPage()).containsExactlyElementsOf(venusFrontPage());
    }

    @Test
    void frontPageInTheDefaultOrderIsVenusPageToo() throws Exception {
        Path config = config("", SUBSCRIPTIONS + "\n[https://new.example/feed]\nname = new\n");

        var imported = CliRun.of("import", cache.toString(), "--config", config.toString());
        CliRun.of("build", config.toString());

        assertThat(imported.out())
                .contains("https://new.example/feed: imported 0 entries (nothing of it in the cache)\n")
                // Venus could not read testfeed0 (its sources/ copy says 500, "internal server error").
                .contains(feed("testfeed0.atom")
                        + ": imported 0 entries; failing (the old planet's last fetch: internal server error)\n");
        // Dated by updated, as Venus dated its files: "one: Venus", edited a month after it was
        // published, is third, where Venus put it.
        assertThat(frontPage()).containsExactlyElementsOf(venusFrontPage());
    }

    @Test
    void aShorterPageEndsWhereVenusPageEnds() throws Exception {
        Path config = config("river_order = first_seen\nitems_per_page = 5\ndialect = venus", SUBSCRIPTIONS);

        var imported = CliRun.of("import", cache.toString(), "--config", config.toString());
        CliRun.of("build", config.toString());

        assertThat(imported.out()).doesNotContain("note:");
        assertThat(frontPage()).containsExactlyElementsOf(venusFrontPage().subList(0, 5));
    }

    @Test
    void importingTwiceAddsNothingTheSecondTime() throws Exception {
        Path config = config("", SUBSCRIPTIONS);
        CliRun.of("import", cache.toString(), "--config", config.toString());

        var again = CliRun.of("import", cache.toString(), "--config", config.toString());

        assertThat(again.status()).isZero();
        assertThat(again.out())
                .contains(feed("testfeed2.atom") + ": imported 0 entries, 4 already stored\n")
                .contains("imported 0 entries, 0 updated, 12 already stored")
                .contains("nothing changed: the store had everything of the cache already");
        assertThat(storedEntries()).isEqualTo(12);
    }

    @Test
    void aMalformedFileIsNamedAndTheRestImported() throws Exception {
        Files.writeString(cache.resolve("example.com,broken"), "<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>");
        Path config = config("", SUBSCRIPTIONS);

        var run = CliRun.of("import", cache.toString(), "--config", config.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("unreadable: example.com,broken: not well-formed XML")
                .contains("imported 12 entries, 0 updated, 0 already stored; left out 0; unreadable files 1");
        assertThat(storedEntries()).isEqualTo(12);
    }

    @Test
    void entriesOfFeedsNotInTheConfigAreReportedAndLeftOut() throws Exception {
        // Venus's test_splice_unsub: without testfeed2's section, its four entries are not shown.
        String withoutTwo = SUBSCRIPTIONS.replace("[tests/data/spider/testfeed2.atom]\nname = two\n", "");
        Path config = config("river_order = first_seen", withoutTwo);

        var run = CliRun.of("import", cache.toString(), "--config", config.toString());
        CliRun.of("build", config.toString());

        assertThat(run.out())
                .contains("not in config.ini: tag:planet.intertwingly.net,2006:testfeed2 (two): 4 entries left out"
                        + " (--subscribe adds [http://intertwingly.net/code/venus/tests/data/spider/testfeed2.atom])")
                .contains(
                        "imported 8 entries, 0 updated, 0 already stored; left out 4 (4 of feeds not in config.ini);");
        assertThat(frontPage())
                .containsExactlyElementsOf(venusFrontPage().stream()
                        .filter(line -> !line.startsWith("two: "))
                        .toList());
    }

    @Test
    void subscribeAddsTheMissingFeedsToTheConfigAndImportsTheirEntries() throws Exception {
        String withoutTwo = SUBSCRIPTIONS.replace("[tests/data/spider/testfeed2.atom]\nname = two\n", "");
        Path config = config("", withoutTwo);

        var run = CliRun.of("import", cache.toString(), "--config", config.toString(), "--subscribe");

        String two = "http://intertwingly.net/code/venus/tests/data/spider/testfeed2.atom";
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("subscribed [" + two + "]")
                .contains(two + ": imported 4 entries\n")
                .contains("imported 4 entries, 0 updated, 8 already stored; left out 0");
        assertThat(Files.readString(config)).endsWith("\n[" + two + "]\nname = two\n");
        assertThat(storedEntries()).isEqualTo(12);
    }

    @Test
    void entriesThatNameNoFeedAreReported() throws Exception {
        copy(resource("migrate/venus/no-feed"), cache);
        Path config = config("", SUBSCRIPTIONS);

        var run = CliRun.of("import", cache.toString(), "--config", config.toString());

        assertThat(run.out())
                .contains("no feed: test1.entry: the entry names no feed (no <source> id), left out")
                .contains("no feed: test2.entry: the entry names no feed (no <source> id), left out")
                .contains("imported 12 entries, 0 updated, 0 already stored; left out 2 (2 naming no feed);");
    }

    @Test
    void anEntryAlreadyFetchedIsNotAddedAgain() throws Exception {
        Path feed = dir.resolve("feed.atom");
        Files.writeString(
                feed,
                """
                <feed xmlns="http://www.w3.org/2005/Atom"><id>tag:example.org,2024:feed</id><title>Feed</title>
                <entry><id>tag:example.org,2024:1</id><title>Fetched first</title>
                <updated>2024-05-01T00:00:00Z</updated><link href="https://example.org/1"/></entry>
                </feed>
                """);
        Path small = dir.resolve("small-cache");
        Files.createDirectories(small);
        for (String n : List.of("1", "2")) {
            Files.writeString(
                    small.resolve("example.org,2024," + n),
                    """
                    <?xml version="1.0" encoding="utf-8"?>
                    <entry xmlns="http://www.w3.org/2005/Atom"><id>tag:example.org,2024:%s</id>
                    <title>From Venus %s</title><updated>2024-04-0%sT00:00:00Z</updated>
                    <source><id>tag:example.org,2024:feed</id><link rel="self" href="%s"/></source></entry>
                    """
                            .formatted(n, n, n, feed.toUri()));
        }
        Path config = config("", "[" + feed.toUri() + "]\nname = Feed\n");
        assertThat(CliRun.of("fetch", config.toString()).status()).isZero();

        var run = CliRun.of("import", small.toString(), "--config", config.toString());

        assertThat(run.out()).contains(feed.toUri() + ": imported 1 entry, 1 updated (first seen earlier)\n");
        assertThat(storedEntries()).isEqualTo(2);
    }

    @Test
    void refusesADatabaseItCannotReadSayingWhatToDo() throws Exception {
        Path old = dir.resolve("gdbm-cache");
        Files.createDirectories(old);
        // A GNU dbm file (Python 2's anydbm where Berkeley DB was missing), which Orrery does not read.
        byte[] header = new byte[512];
        header[0] = (byte) 0xce;
        header[1] = (byte) 0x9a;
        header[2] = 0x57;
        header[3] = 0x13;
        Files.write(old.resolve("planet.example.org,feed"), header);
        Path config = config("", SUBSCRIPTIONS);

        var run = CliRun.of("import", old.toString(), "--config", config.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err())
                .contains("planet.example.org,feed is a GNU dbm file")
                .contains("Orrery cannot read")
                .contains("orrery run");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingCacheDirectoryIsSaidAndNothingCreated() throws Exception {
        Path config = config("", SUBSCRIPTIONS);

        var run = CliRun.of("import", "--config", config.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("orrery: " + dir.resolve("orrery") + ": no such directory\n");
        assertThat(dir.resolve("orrery")).doesNotExist();
    }

    // ---- helpers

    private Path config(String planetOptions, String subscriptions) throws IOException {
        Path config = dir.resolve("config.ini");
        Files.writeString(
                config,
                "[Planet]\nname = test planet\ncache_directory = %s\noutput_dir = %s\n%s\n\n%s"
                        .formatted(dir.resolve("orrery"), dir.resolve("output"), planetOptions, subscriptions));
        return config;
    }

    private static String feed(String file) {
        return Path.of("tests/data/spider", file).toAbsolutePath().toUri().toString();
    }

    /** The front page's entries as "name: title", in page order. */
    private List<String> frontPage() throws IOException {
        var page = Jsoup.parse(dir.resolve("output/index.html").toFile(), "UTF-8");
        return page.select("h3.entry-title").stream().map(Element::text).toList();
    }

    /** What Venus's splice put on its page, as "name: title". */
    private static List<String> venusFrontPage() throws Exception {
        return Files.readAllLines(resource("migrate/venus/venus-front-page.tsv")).stream()
                .map(line -> line.split("\t"))
                .map(f -> f[0] + ": " + f[1])
                .toList();
    }

    private int storedEntries() throws SQLException {
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("orrery/orrery.db"));
                var rows = db.createStatement().executeQuery("SELECT count(*) FROM entry")) {
            return rows.getInt(1);
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(
                ImportCommandTest.class.getClassLoader().getResource(name).toURI());
    }

    private static void copy(Path from, Path to) throws IOException {
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

    private static final Pattern UPDATED = Pattern.compile("<updated[^>]*>([^<]+)</updated>");

    /** Each entry file dated with its updated, as Venus's spider dates the files it writes. */
    private static void datedAsVenusDatesThem(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher updated = UPDATED.matcher(Files.readString(file, StandardCharsets.UTF_8));
                if (updated.find()) {
                    Files.setLastModifiedTime(file, FileTime.from(Instant.parse(updated.group(1))));
                }
            }
        }
    }
}
