package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two spellings of one feed URL in a config are one subscription, from check to the page. */
class SameFeedTest {
    @TempDir
    Path dir;

    private FeedServer server;
    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        server = new FeedServer("e2e");
        String url = server.url("moshe.atom");
        config = Files.writeString(
                dir.resolve("config.ini"),
                """
                [Planet]
                name = Spellings
                cache_directory = %s
                output_dir = %s

                [%s]
                name = Moshe Zadka

                [%s]
                name = Moshe again

                [%s#comments]
                name = Moshe's fragment
                """
                        .formatted(
                                dir.resolve("cache"),
                                dir.resolve("output"),
                                url,
                                url.replace("http://", "HTTP://"),
                                url));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void checkCountsOneSubscriptionAndWarnsOfEachOtherSpelling() {
        var check = CliRun.of("check", config.toString());

        assertThat(check.status()).isZero();
        assertThat(check.out())
                .contains("Spellings: 1 subscriptions")
                .contains("warning: " + config + ":9: ["
                        + server.url("moshe.atom").replace("http://", "HTTP://") + "] is the same feed as ["
                        + server.url("moshe.atom") + "] at " + config + ":6")
                .contains("#comments] is the same feed as [" + server.url("moshe.atom") + "] at " + config + ":6");
    }

    @Test
    void runFetchesTheFeedOnceAndShowsEachEntryOnceUnderTheFirstSectionsName() throws Exception {
        var run = CliRun.of("run", config.toString());
        var status = CliRun.of("status", config.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("1 feed: 1 ok");
        assertThat(server.requests()).hasSize(1);
        assertThat(Jsoup.parse(dir.resolve("output/index.html"))
                        .select("article.h-entry h3")
                        .eachText())
                .containsExactly("Moshe Zadka: Announcing NColony 17.9.0", "Moshe Zadka: Plain text & ampersands");
        assertThat(status.out()).contains("Moshe Zadka").doesNotContain("again", "fragment");
    }
}
