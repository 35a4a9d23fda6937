package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.discover.SiteServer;

class DiscoverCommandTest {
    private FeedServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FeedServer("discover");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsTheFeedsAPageAnnouncesOnceEachAsNumberedConfigSectionsAndNotesThoseThatAreNone() {
        var run = orrery("discover", server.url("page.html"));

        assertThat(run.status()).isZero();
        assertThat(run.out().lines()).containsExactly("[" + server.url("feed.atom") + "]  # 1. Moshe's blog (Atom)");
        assertThat(run.err())
                .isEqualTo("note: " + server.url("page.html") + " announces " + server.url("rss.xml")
                        + ": HTTP 404 Not Found\n");
    }

    @Test
    void confirmsAFeedUrlWithItsTitle() {
        var run = orrery("discover", server.url("feed.atom"));

        assertThat(run.status()).isZero();
        assertThat(run.out().lines().toList()).first().isEqualTo("[" + server.url("feed.atom") + "]");
        assertThat(run.out()).contains("name = ");
    }

    @Test
    void saysWhenThereIsNoFeed() {
        var plain = orrery("discover", server.url("plain.html"));
        var missing = orrery("discover", server.url("missing.html"));

        assertThat(plain.status()).isEqualTo(1);
        assertThat(plain.err()).contains("no feed found at " + server.url("plain.html"));
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("HTTP 404 Not Found");
    }

    @Test
    void addAppendsTheAnnouncedFeedToTheConfigOnce(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config.ini"), "[Planet]\nname = P");

        var added = orrery("add", config.toString(), server.url("page.html"));
        var again = orrery("add", config.toString(), server.url("feed.atom"));

        assertThat(added.status()).isZero();
        assertThat(Files.readString(config))
                .isEqualTo("[Planet]\nname = P\n\n[" + server.url("feed.atom") + "]\nname = Moshe's blog\n");
        assertThat(added.out())
                .isEqualTo("added [" + server.url("feed.atom") + "] to " + config + ", named Moshe's blog\n");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("already has [" + server.url("feed.atom") + "]");
        assertThat(server.requests())
                .extracting(FeedServer.Request::path)
                .containsExactly("page.html", "feed.atom", "rss.xml", "feed.atom");
    }

    @Test
    void addWritesAFeedTitleHoldingPercentSoThatItReadsBackAsTheTitle(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config.ini"), "[Planet]\nname = P\n");

        var added = orrery("add", config.toString(), server.url("percent.atom"));
        var check = orrery("check", config.toString());

        assertThat(added.status()).isZero();
        assertThat(check.status()).isZero();
        assertThat(ConfigLoader.load(List.of(config)).subscriptions())
                .singleElement()
                .satisfies(s -> assertThat(s.name()).contains("100%(x)s off, 50% more"));
    }

    @Test
    void numbersTheFeedsAPageLinksToAndRefusesWhatCannotBeAUrl() {
        try (var site = new SiteServer()) {
            site.html("/", SiteServer.page("", "<a href='/posts.rss'>RSS</a> <a href='/all.atom'>Atom</a>"))
                    .feed("/posts.rss", SiteServer.rss("Posts"))
                    .feed("/all.atom", SiteServer.atom("Everything"));

            var run = orrery("discover", site.url("/"));
            var notAUrl = orrery("discover", "two words");

            assertThat(run.status()).isZero();
            assertThat(run.out().lines())
                    .containsExactly(
                            "[" + site.url("/posts.rss") + "]  # 1. Posts (RSS)",
                            "[" + site.url("/all.atom") + "]  # 2. Everything (Atom)");
            assertThat(run.err()).contains("announces no feed in its head; found by its links");
            assertThat(notAUrl.status()).isEqualTo(2);
            assertThat(notAUrl.err()).startsWith("not a URL: two words");
        }
    }

    private static CliRun orrery(String... args) {
        return CliRun.of(args);
    }
}
