package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.model.Subscription;

/** {@code orrery opml export} and {@code orrery opml import}. */
class OpmlCommandTest {
    @TempDir
    Path dir;

    private FeedServer server;
    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        server = new FeedServer("e2e");
        config = dir.resolve("config.ini");
        Files.writeString(
                config,
                """
                [Planet]
                name = Tom & Jerry's <Planet>
                cache_directory = %s
                output_dir = %s
                encoding = iso-8859-1

                [%s]
                name = Moshe "Z" & Co.

                [https://unnamed.example.org/feed.xml]

                [https://café.example.org/rss?a=1&b=2]
                name = Café Ürün
                """
                        .formatted(dir.resolve("cache"), dir.resolve("output"), server.url("moshe.atom")));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void exportsTheSubscriptionsAsOpml2WithTheirNamesEscaped() {
        var run = CliRun.of("opml", "export", config.toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<opml version=\"2.0\">")
                .contains("<title>Tom &amp; Jerry&#39;s &lt;Planet&gt;</title>")
                .contains("text=\"Moshe &quot;Z&quot; &amp; Co.\"")
                .contains("xmlUrl=\"" + server.url("moshe.atom") + "\"")
                .contains("xmlUrl=\"https://café.example.org/rss?a=1&amp;b=2\"")
                .contains("text=\"Café Ürün\"")
                .doesNotContain("htmlUrl");
        assertThat(Files.exists(dir.resolve("cache")))
                .as("export creates no database")
                .isFalse();
    }

    @Test
    void exportsTheSiteOfAFeedOnceItHasBeenFetched() {
        assertThat(CliRun.of("fetch", config.toString()).status()).isZero();

        var run = CliRun.of("opml", "export", config.toString());

        assertThat(run.out()).contains("htmlUrl=\"https://moshe.example.org/\"");
    }

    @Test
    void importingAnExportIntoAnEmptyConfigGivesTheSameSubscriptions() throws Exception {
        Path opml = Files.writeString(
                dir.resolve("export.opml"),
                CliRun.of("opml", "export", config.toString()).out());
        Path empty = Files.writeString(dir.resolve("empty.ini"), "[Planet]\nname = Empty\n");

        var run = CliRun.of("opml", "import", opml.toString(), "--config", empty.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).endsWith("added 3 subscriptions to " + empty + ", skipped 0\n");
        assertThat(subscriptions(empty)).isEqualTo(subscriptions(config));
    }

    @Test
    void importedTitlesHoldingPercentOrLineBreaksReadBackAsWritten() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.ini"), "[Planet]\nname = Empty\n");
        Path opml = Files.writeString(
                dir.resolve("titles.opml"),
                """
                <opml version="2.0"><body>
                <outline text="100%(x)s off" xmlUrl="https://percent.example.org/feed"/>
                <outline text="%(name)s and %%" xmlUrl="https://named.example.org/feed"/>
                <outline text="50% off" xmlUrl="https://plain.example.org/feed"/>
                <outline text="two&#10;lines ; and a comment" xmlUrl="https://lines.example.org/feed"/>
                </body></opml>
                """);

        var run = CliRun.of("opml", "import", opml.toString(), "--config", empty.toString());
        var check = CliRun.of("check", empty.toString());

        assertThat(run.status()).isZero();
        assertThat(check.status()).isZero();
        assertThat(ConfigLoader.load(List.of(empty)).subscriptions())
                .extracting(s -> s.name().orElseThrow())
                .containsExactly("100%(x)s off", "%(name)s and %%", "50% off", "two lines; and a comment");
    }

    @Test
    void printsTheSectionsOfAnOpmlFileAndSaysWhatItSkipped() throws Exception {
        var run = CliRun.of("opml", "import", resource("broken.opml").toString());

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        """
                        [https://cafe.example.org/feed?a=1&b=2]
                        name = Café au lait

                        [https://unclosed.example.org/rss]
                        name = Unclosed

                        [https://single.example.org/atom]
                        name = Single quotes
                        """);
        assertThat(run.err())
                .isEqualTo(
                        "skipped /feed.xml: not an absolute http or https URL\nskipped file:///etc/passwd: not an absolute http or https URL\n");
    }

    @Test
    void appendsOnlyTheFeedsTheConfigDoesNotHaveKeepingItsComments() throws Exception {
        String before =
                """
                # Our planet
                [Planet]
                name = Ours   ; the name

                [HTTPS://Glyph.Example.org:443/feeds/all.atom.xml]
                name = Glyph
                """;
        Path ours = Files.writeString(dir.resolve("ours.ini"), before);

        var run = CliRun.of("opml", "import", resource("reader-export.opml").toString(), "--config", ours.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        """
                        added [https://moshe.example.org/feed.atom]
                        added [https://itamar.example.org/rss.xml]
                        added [https://untyped.example.org/feed]
                        added [http://named-by-url.example.org/rss]
                        skipped https://glyph.example.org/feeds/all.atom.xml: already in %s
                        added 4 subscriptions to %s, skipped 1
                        """
                                .formatted(ours, ours));
        assertThat(Files.readString(ours))
                .isEqualTo(
                        before
                                + """

                        [https://moshe.example.org/feed.atom]
                        name = Moshe & friends

                        [https://itamar.example.org/rss.xml]
                        name = Itamar

                        [https://untyped.example.org/feed]
                        name = no type, still a feed

                        [http://named-by-url.example.org/rss]
                        """);

        var again = CliRun.of("opml", "import", resource("reader-export.opml").toString(), "--config", ours.toString());
        assertThat(again.out()).endsWith("added 0 subscriptions to " + ours + ", skipped 5\n");
    }

    @Test
    void failsClearlyOnAFileThatIsMissingOrNotOpml() throws Exception {
        var missing = CliRun.of("opml", "import", dir.resolve("nope.opml").toString());
        var html = CliRun.of("opml", "import", resource("page.html").toString());
        var badConfig = CliRun.of(
                "opml",
                "import",
                resource("broken.opml").toString(),
                "--config",
                dir.resolve("nope.ini").toString());

        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("orrery: " + dir.resolve("nope.opml") + ": no such file\n");
        assertThat(html.status()).isEqualTo(1);
        assertThat(html.err()).contains("not an OPML document (its root element is <html>)");
        assertThat(badConfig.status()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(badConfig.err()).contains("no such config file");
    }

    private static List<Subscription> subscriptions(Path file) throws Exception {
        return ConfigLoader.load(List.of(file)).subscriptions().stream()
                .map(s -> new Subscription(s.feedUri(), s.name(), java.util.Map.of()))
                .toList();
    }

    private Path resource(String name) throws IOException {
        Path copy = dir.resolve(name);
        try (InputStream in = OpmlCommandTest.class.getResourceAsStream("/config/opml/" + name)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }
}
