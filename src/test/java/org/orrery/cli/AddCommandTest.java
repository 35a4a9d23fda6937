package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.discover.SiteServer;

class AddCommandTest {
    private static final String PLANET = "[Planet]\nname = P\n";

    private final SiteServer site = new SiteServer();

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = Files.writeString(dir.resolve("config.ini"), PLANET);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void namesTheSubscriptionAfterTheFeedsOwnTitleNotThePagesLinkTitle() throws Exception {
        site.html(
                        "/",
                        SiteServer.page(
                                "<link rel='alternate' type='application/atom+xml' title='Atom feed' href='/atom'>",
                                ""))
                .feed("/atom", SiteServer.atom("Jane Doe's notes"));

        var run = CliRun.of("add", config.toString(), site.url("/"));

        assertThat(run.status()).isZero();
        assertThat(Files.readString(config))
                .isEqualTo(PLANET + "\n[" + site.url("/atom") + "]\nname = Jane Doe's notes\n");
    }

    @Test
    void listsSeveralFeedsAddsTheFirstAndSaysSo() throws Exception {
        site.html("/", twoFeeds())
                .feed("/atom", SiteServer.atom("Posts"))
                .feed("/comments", SiteServer.rss("Comments"));

        var run = CliRun.of("add", config.toString(), site.url("/"));

        assertThat(run.status()).isZero();
        assertThat(run.out().lines())
                .containsExactly(
                        site.url("/") + " leads to 2 feeds:",
                        "  1. Posts (Atom)  " + site.url("/atom"),
                        "  2. Comments (RSS)  " + site.url("/comments"),
                        "added [" + site.url("/atom") + "] to " + config
                                + ", named Posts (the first; --pick N adds another)");
        assertThat(Files.readString(config)).isEqualTo(PLANET + "\n[" + site.url("/atom") + "]\nname = Posts\n");
    }

    @Test
    void pickChoosesAmongSeveralFeeds() throws Exception {
        site.html("/", twoFeeds())
                .feed("/atom", SiteServer.atom("Posts"))
                .feed("/comments", SiteServer.rss("Comments"));

        var second = CliRun.of("add", "--pick", "2", config.toString(), site.url("/"));
        var third = CliRun.of("add", "--pick", "3", config.toString(), site.url("/"));
        var zeroth = CliRun.of("add", "--pick", "0", config.toString(), site.url("/"));

        assertThat(second.status()).isZero();
        assertThat(second.out()).endsWith("added [" + site.url("/comments") + "] to " + config + ", named Comments\n");
        assertThat(third.status()).isEqualTo(1);
        assertThat(third.err()).contains("there is no feed 3; nothing added");
        assertThat(zeroth.status()).isEqualTo(2);
        assertThat(Files.readString(config)).isEqualTo(PLANET + "\n[" + site.url("/comments") + "]\nname = Comments\n");
    }

    @Test
    void acceptsAUrlWithoutAScheme() throws Exception {
        Files.writeString(config, PLANET + "feed_timeout = 3\n"); // this server speaks no TLS: https waits it out
        site.feed("/feed.xml", SiteServer.rss("No scheme"));

        var run = CliRun.of("add", config.toString(), site.hostAndPort() + "/feed.xml");

        assertThat(run.status()).isZero();
        assertThat(run.err())
                .contains(
                        "note: https://" + site.hostAndPort() + "/feed.xml: ",
                        "read " + site.url("/feed.xml") + " instead");
        assertThat(Files.readString(config)).endsWith("\n[" + site.url("/feed.xml") + "]\nname = No scheme\n");
    }

    @Test
    void findsAFeedThePageOnlyLinksTo() throws Exception {
        site.html("/", SiteServer.page("", "<p>Follow: <a href='/feed/'>RSS</a></p>"))
                .feed("/feed/", SiteServer.rss("Linked"));

        var run = CliRun.of("add", config.toString(), site.url("/"));

        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("announces no feed in its head; found by its links");
        assertThat(Files.readString(config)).endsWith("\n[" + site.url("/feed/") + "]\nname = Linked\n");
    }

    @Test
    void findsAFeedAtAUsualPath() throws Exception {
        site.html("/", SiteServer.page("", "<p>Nothing to see.</p>")).feed("/atom.xml", SiteServer.atom("Usual"));

        var run = CliRun.of("add", config.toString(), site.url("/"));

        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("found at a usual path");
        assertThat(Files.readString(config)).endsWith("\n[" + site.url("/atom.xml") + "]\nname = Usual\n");
    }

    @Test
    void saysWhyWhenNothingIsFoundAndLeavesTheConfigAlone() throws Exception {
        site.html("/", SiteServer.page("", "<p>Nothing to see.</p>"));

        var nothing = CliRun.of("add", config.toString(), site.url("/"));
        var notAUrl = CliRun.of("add", config.toString(), "two words");

        assertThat(nothing.status()).isEqualTo(1);
        assertThat(nothing.err())
                .startsWith("orrery: no feed found at " + site.url("/") + ": it is not a feed, announces none");
        assertThat(notAUrl.status()).isEqualTo(2);
        assertThat(notAUrl.err()).contains("not a URL: two words");
        assertThat(Files.readString(config)).isEqualTo(PLANET);
    }

    private static String twoFeeds() {
        return SiteServer.page(
                "<link rel='alternate' type='application/atom+xml' title='Feed' href='/atom'>"
                        + "<link rel='alternate' type='application/rss+xml' title='Comments feed' href='/comments'>",
                "");
    }
}
