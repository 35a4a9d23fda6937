package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planet on Planet Clojure's options (corpus planet-clojure.ini): per-feed {@code filter}
 * regexes and {@code new_feed_items = 2}, run twice against a loopback server.
 */
class PlanetClojureEndToEndTest {
    @TempDir
    Path dir;

    private FeedServer server;
    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        server = new FeedServer("e2e/clojure");
        config = dir.resolve("config.ini");
        // planet-clojure.ini's [Planet] and feed options, its theme and twitter plumbing left out.
        Files.writeString(
                config,
                """
                [Planet]
                name = Planet Clojure
                link = http://planet.clojure.in/
                owner_name = Baishampayan Ghose
                cache_directory = %s
                output_dir = %s
                new_feed_items = 2
                log_level = DEBUG
                feed_timeout = 20
                items_per_page = 15
                date_format = %%B %%d, %%Y %%I:%%M %%p
                new_date_format = %%B %%d, %%Y
                encoding = utf-8

                [DEFAULT]
                facewidth = 65
                faceheight = 85

                [%s]
                name = Stuart Sierra
                twitter = stuartsierra
                filter = (clojure|Clojure|\\(def |\\(defn-? )

                [%s]
                name = Michael Fogus
                filter = (clojure|Clojure|\\(def |\\(defn-? |Lisp)
                twitter = fogus

                [%s]
                name = Clojure Weekly
                """
                        .formatted(
                                dir.resolve("cache"),
                                dir.resolve("output"),
                                server.url("sierra.atom"),
                                server.url("fogus.atom"),
                                server.url("weekly.atom")));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void showsOnlyMatchingEntriesAndTheNewestTwoOfANewFeed() throws Exception {
        assertThat(orrery("run", config.toString())).isZero();

        // Sierra and Fogus are new feeds too. new_feed_items counts the feed's first two entries
        // before filtering, as Planet 2.0 does: Sierra's third, kept by the filter, is hidden.
        assertThat(titles())
                .containsExactly(
                        "Stuart Sierra: Component lifecycles",
                        "Michael Fogus: Lisp in small pieces",
                        "Clojure Weekly: Transducers explained",
                        "Clojure Weekly: core.async patterns");
    }

    @Test
    void entriesTheFilterDropsAreInNoPublishedFile() throws Exception {
        orrery("run", config.toString());

        for (String file : java.util.List.of("index.html", "atom.xml", "rss20.xml")) {
            assertThat(Files.readString(dir.resolve("output").resolve(file)))
                    .as(file)
                    .contains("Lisp in small pieces")
                    .doesNotContain("Holiday photos")
                    .doesNotContain("Ruby tricks");
        }
    }

    @Test
    void anEntryAddedLaterToAKnownFeedIsShown() throws Exception {
        orrery("run", config.toString());
        server.replace("weekly.atom", "weekly-later.atom");

        assertThat(orrery("run", config.toString())).isZero();

        assertThat(titles())
                .containsExactly(
                        "Clojure Weekly: Records or maps",
                        "Stuart Sierra: Component lifecycles",
                        "Michael Fogus: Lisp in small pieces",
                        "Clojure Weekly: Transducers explained",
                        "Clojure Weekly: core.async patterns");
    }

    @Test
    void expungeRemovesTheEntriesOfAFeedNoLongerSubscribed() throws Exception {
        orrery("run", config.toString());
        String withoutFogus =
                Files.readString(config).replaceAll("(?s)\\[[^\\]]*fogus\\.atom\\].*?twitter = fogus\n", "");
        Files.writeString(config, withoutFogus);
        var out = new StringWriter();

        int status = Main.execute(
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "expunge", config.toString());

        assertThat(status).isZero();
        assertThat(out.toString())
                .contains(server.url("fogus.atom") + ": removed 1 entry: no longer subscribed")
                .contains("expunged 1 entry of 1 feed");
    }

    private java.util.List<String> titles() throws Exception {
        return Jsoup.parse(dir.resolve("output/index.html"))
                .select("article.h-entry h3")
                .eachText();
    }

    private static int orrery(String... args) {
        return Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), args);
    }
}
