package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orrery status} and the scheduling a maintainer sees from {@code fetch} and {@code run}. */
class StatusCommandTest {
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
                name = Status
                cache_directory = %s
                output_dir = %s

                [%s]
                name = Moshe Zadka

                [%s]
                name = Missing
                """
                        .formatted(
                                dir.resolve("cache"),
                                dir.resolve("output"),
                                server.url("moshe.atom"),
                                server.url("missing.xml")));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void statusIsTheReportHealthJsonHoldsReadingListsIncluded() throws Exception {
        Path list = Files.writeString(
                dir.resolve("list.opml"),
                """
                <opml version="2.0"><body>
                <outline text="Itamar" xmlUrl="%s"/>
                </body></opml>
                """
                        .formatted(server.url("itamar.rss")));
        Files.writeString(
                config,
                """

                [%s]
                content_type = opml
                allow_private_addresses = yes
                """
                        .formatted(list.toUri()),
                java.nio.file.StandardOpenOption.APPEND);

        orrery("run", config.toString());
        var status = orrery("status", "--json", config.toString());

        assertThat(withoutGenerated(status.out()))
                .isEqualTo(withoutGenerated(Files.readString(dir.resolve("output/health.json"))))
                .contains("\"url\" : \"" + server.url("itamar.rss") + "\"");

        Files.delete(list);
        var run = orrery("run", config.toString());
        var text = orrery("status", config.toString());
        var json = orrery("status", "--json", config.toString());

        assertThat(run.err()).contains("reading list: " + list.toUri());
        assertThat(withoutGenerated(json.out()))
                .isEqualTo(withoutGenerated(Files.readString(dir.resolve("output/health.json"))))
                .contains("\"url\" : \"" + server.url("itamar.rss") + "\"")
                .contains("\"message\" : \"" + list.toUri() + ": ");
        assertThat(text.out()).contains("Itamar <" + server.url("itamar.rss") + ">", "reading list: " + list.toUri());
    }

    private static String withoutGenerated(String json) {
        return json.replaceAll("\"generated\" : \"[^\"]*\"", "");
    }

    @Test
    void listsTheFailingSubscriptionFirstWithWhatIsWrong() {
        orrery("fetch", config.toString());

        var status = orrery("status", config.toString());

        assertThat(status.status()).isZero();
        String[] lines = status.out().split("\n");
        assertThat(lines[0]).startsWith("STATE");
        assertThat(lines[1]).startsWith("failing").contains("Missing <" + server.url("missing.xml") + ">");
        assertThat(lines[2].strip()).isEqualTo("404: not found");
        assertThat(lines[3]).startsWith("ok").contains("Moshe Zadka");
    }

    @Test
    void printsJson() {
        orrery("fetch", config.toString());

        var status = orrery("status", "--json", config.toString());

        assertThat(status.out())
                .contains("\"state\" : \"failing\"")
                .contains("\"consecutive_failures\" : 1")
                .contains("\"http_status\" : 404");
    }

    @Test
    void aFailedFeedWaitsOutItsBackoffUnlessAllIsAsked() {
        orrery("fetch", config.toString());
        int before = server.requests().size();

        var again = orrery("fetch", config.toString());
        assertThat(again.out())
                .contains("1 feed: 0 ok, 1 not modified, 0 failed; entries: 0 new, 0 updated; 1 not due yet");
        assertThat(server.requests()).hasSize(before + 1);

        var all = orrery("fetch", "--all", config.toString());
        assertThat(all.out()).contains("2 feeds: 0 ok, 1 not modified, 1 failed");
        assertThat(all.err()).contains("failed: " + server.url("missing.xml") + ": HTTP 404 Not Found");
    }

    @Test
    void runPublishesHealthJson() throws Exception {
        orrery("run", config.toString());

        assertThat(Files.readString(dir.resolve("output/health.json"))).contains("\"message\" : \"404: not found\"");
    }

    @Test
    void maxFeedBytesLimitsTheFeedSize() throws Exception {
        Files.writeString(
                config, Files.readString(config).replace("name = Status\n", "name = Status\nmax_feed_bytes = 100\n"));

        var fetch = orrery("fetch", config.toString());

        assertThat(fetch.err()).contains("failed: " + server.url("moshe.atom") + ": response larger than 100 bytes");
    }

    @Test
    void aStatusBeforeAnyFetchShowsNewSubscriptions() {
        var status = orrery("status", config.toString());

        assertThat(status.status()).isZero();
        assertThat(status.out().lines().skip(1))
                .allSatisfy(line -> assertThat(line).startsWith("new"));
    }

    private static CliRun orrery(String... args) {
        return CliRun.of(args);
    }
}
