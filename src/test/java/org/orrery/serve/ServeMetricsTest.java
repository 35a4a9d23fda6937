package org.orrery.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.FetchSettings;
import org.orrery.fetch.HttpFetcher;
import org.orrery.store.JdbcStore;
import org.orrery.store.Store;

/**
 * {@code /metrics} of a serving planet on loopback: two feeds and one that is not there (404),
 * fetched every second; after the first fetches and a change to one feed, the counters say how
 * many fetches returned what, how many entries were stored, and that publishing happened.
 */
class ServeMetricsTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestFeeds feeds;
    private Store store;
    private HttpFetcher fetcher;
    private PlanetServer server;

    ServeMetricsTest() throws IOException {
        feeds = new TestFeeds();
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
        if (fetcher != null) {
            fetcher.close();
        }
        feeds.close();
    }

    @Test
    void countsFetchesByOutcomeEntriesStoredAndPublishings() throws Exception {
        feeds.feed("alice.xml", "Alice's blog", "Alice one");
        feeds.feed("bob.xml", "Bob's blog", "Bob one", "Bob zero");
        start("alice.xml", "bob.xml", "missing.xml");
        Eventually.holds(
                "the first fetches published", BOUND, () -> body("/index.html").contains("Bob zero"));
        Eventually.holds(
                "the first round counted",
                BOUND,
                () -> value(metrics(), "orrery_fetches_total", "outcome", "failed") >= 1
                        && value(metrics(), "orrery_fetches_total", "outcome", "not_modified") >= 2);

        String first = metrics();
        assertThat(value(first, "orrery_fetches_total", "outcome", "ok")).isEqualTo(2);
        assertThat(value(first, "orrery_entries_stored_total", "change", "new")).isEqualTo(3);
        // The 404 is backed off for 15 minutes: fetched once.
        assertThat(value(first, "orrery_fetches_total", "outcome", "failed")).isEqualTo(1);
        assertThat(value(first, "orrery_subscriptions", null, null)).isEqualTo(3);

        feeds.feed("alice.xml", "Alice's blog", "Alice two", "Alice one");
        Eventually.holds("index.html shows the new post", BOUND, () -> body("/index.html")
                .contains("Alice two"));
        Eventually.holds(
                "the publishing counted",
                BOUND,
                () -> value(metrics(), "orrery_publish_duration_seconds_count", "result", "written") >= 1);

        var response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        String after = response.body();
        assertThat(value(after, "orrery_fetches_total", "outcome", "ok")).isEqualTo(3);
        assertThat(value(after, "orrery_entries_stored_total", "change", "new")).isEqualTo(4);
        // The test feeds date entries by position: "Alice one", now second, has a new updated date.
        assertThat(value(after, "orrery_entries_stored_total", "change", "updated"))
                .isEqualTo(1);
        assertThat(value(after, "orrery_fetches_total", "outcome", "failed")).isEqualTo(1);
        assertThat(value(after, "orrery_fetches_total", "outcome", "gone")).isZero();
        double fetches = value(after, "orrery_fetches_total", "outcome", "ok")
                + value(after, "orrery_fetches_total", "outcome", "not_modified")
                + value(after, "orrery_fetches_total", "outcome", "failed");
        // Every fetch is timed once; none counted that the feeds' server did not answer.
        assertThat(value(after, "orrery_fetch_duration_seconds_count", null, null))
                .isEqualTo(fetches);
        assertThat(fetches)
                .isLessThanOrEqualTo(
                        feeds.requests("alice.xml") + feeds.requests("bob.xml") + feeds.requests("missing.xml"));
        assertThat(value(after, "orrery_publish_duration_seconds_sum", "result", "written"))
                .isPositive();
        assertThat(after)
                .contains("orrery_scheduler_feeds_due ")
                .contains("orrery_scheduler_fetches_active ")
                .contains("jvm_memory_used_bytes{")
                .contains("process_cpu_usage ");
    }

    /** The value of the sample {@code name}, with the label {@code key="value"} when key is not null. */
    private static double value(String scrape, String name, String key, String label) {
        String labels = key == null ? "(\\{[^}]*\\})?" : "\\{[^}]*" + key + "=\"" + label + "\"[^}]*\\}";
        Matcher m = Pattern.compile("(?m)^" + name + labels + " (\\S+)$").matcher(scrape);
        assertThat(m.find()).as("%s %s=%s in\n%s", name, key, label, scrape).isTrue();
        return Double.parseDouble(m.group(m.groupCount()));
    }

    private void start(String... paths) throws Exception {
        Path config = dir.resolve("config.ini");
        var ini = new StringBuilder("[Planet]\nname = Metrics Test\nlink = http://planet.example.org/\n"
                + "cache_directory = " + dir.resolve("cache") + "\noutput_dir = " + dir.resolve("output") + "\n");
        for (String path : paths) {
            ini.append("\n[")
                    .append(feeds.url(path))
                    .append("]\nname = ")
                    .append(path)
                    .append('\n');
        }
        Files.writeString(config, ini);
        PlanetConfig loaded = ConfigLoader.load(List.of(config));
        store = JdbcStore.openSqlite(loaded.databaseFile());
        fetcher = new HttpFetcher(
                FetchSettings.defaults().withTimeout(Duration.ofSeconds(20)).withConnections(8, 2));
        server = PlanetServer.start(
                loaded,
                store,
                fetcher,
                () -> Optional.of(loaded),
                PlanetServer.Settings.of("127.0.0.1", 0)
                        .withPollInterval(Duration.ofSeconds(1))
                        .withShutdown(Duration.ofSeconds(1)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String body(String path) throws Exception {
        return get(path).body();
    }

    private String metrics() throws Exception {
        return body("/metrics");
    }
}
