package org.orrery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.FetchResult;
import org.orrery.fetch.FetchSettings;
import org.orrery.fetch.Fetcher;
import org.orrery.fetch.HttpFetcher;
import org.orrery.model.Validators;
import org.orrery.refresh.RefreshSummary;
import org.orrery.store.JdbcStore;

/** Feeds that hang, crash the refresh or flood the planet: each harms only itself. */
class PlanetHostileFeedsTest {
    @TempDir
    Path dir;

    /** Serves {@code /good/N} as a one-entry feed and holds {@code /hang/N} until the test ends. */
    HttpServer server;

    /** Items in {@code /flood}: a megabyte of them. */
    static final int FLOOD = 20_000;

    /** Items in {@code /sized}. */
    final AtomicInteger sized = new AtomicInteger();

    final CountDownLatch release = new CountDownLatch(1);
    JdbcStore store;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/good/", exchange -> {
            String n = exchange.getRequestURI().getPath().substring("/good/".length());
            respond(exchange, feed("Good " + n));
        });
        server.createContext("/flood", exchange -> {
            StringBuilder items = new StringBuilder();
            for (int i = 1; i <= FLOOD; i++) {
                items.append("<item><title>Flood ")
                        .append(i)
                        .append("</title><guid>urn:flood:")
                        .append(i)
                        .append("</guid></item>\n");
            }
            respond(exchange, "<rss version=\"2.0\"><channel><title>Flood</title>" + items + "</channel></rss>");
        });
        server.createContext("/sized", exchange -> {
            StringBuilder items = new StringBuilder();
            for (int i = 1; i <= sized.get(); i++) {
                items.append("<item><title>Sized ").append(i).append("</title></item>\n");
            }
            respond(exchange, "<rss version=\"2.0\"><channel><title>Sized</title>" + items + "</channel></rss>");
        });
        server.createContext("/hang/", exchange -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        store = JdbcStore.openSqlite(dir.resolve("cache/orrery.db"));
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        store.close();
    }

    static String feed(String title) {
        return """
                <rss version="2.0"><channel><title>%1$s</title><link>https://example.org/</link>
                <item><title>%1$s says hello</title><guid>urn:%1$s</guid>
                <pubDate>Sun, 01 Mar 2026 10:00:00 GMT</pubDate><description>hi</description></item>
                </channel></rss>
                """
                .formatted(title);
    }

    static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    PlanetConfig config(String options, List<String> paths) throws Exception {
        var ini = new StringBuilder("[Planet]\nname = Test\ncache_directory = %s\noutput_dir = %s\n%s\n"
                .formatted(dir.resolve("cache"), dir.resolve("output"), options));
        for (String path : paths) {
            ini.append("\n[").append(url(path)).append("]\n");
        }
        return ConfigLoader.load(List.of(Files.writeString(dir.resolve("config.ini"), ini)), dir);
    }

    static HttpFetcher fetcher(Duration timeout) {
        return new HttpFetcher(FetchSettings.defaults().withTimeout(timeout));
    }

    /** Each feed's state and message in the health report, by URL path. */
    static Map<String, String> health(Planet planet) {
        return planet.health().rows().stream()
                .collect(Collectors.toMap(
                        r -> r.health().feedUri().getPath(),
                        r -> r.state().name() + r.message().map(m -> ": " + m).orElse("")));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hungFeedsOnAHostLeaveItsHealthyFeedsTheirTime() throws Exception {
        List<String> paths = List.of(
                "/hang/1", "/hang/2", "/hang/3", "/hang/4", "/hang/5", "/hang/6", "/hang/7", "/hang/8", "/good/1",
                "/good/2", "/good/3", "/good/4");
        PlanetConfig config = config("feed_timeout = 1", paths);
        try (Fetcher fetcher = fetcher(config.feedTimeout())) {
            Planet planet = new Planet(config, fetcher, store, InstantSource.system());

            RefreshSummary summary = planet.refresh();
            planet.publish();

            assertThat(summary.ok()).isEqualTo(4);
            assertThat(summary.failures()).hasSize(8).allSatisfy(f -> assertThat(f)
                    .endsWith(": timed out after 1 s"));
            Map<String, String> health = health(planet);
            for (int n = 1; n <= 4; n++) {
                assertThat(health.get("/good/" + n)).isEqualTo("OK");
            }
            for (int n = 1; n <= 8; n++) {
                assertThat(health.get("/hang/" + n)).isEqualTo("FAILING: timed out after 1 s");
            }
            assertThat(Jsoup.parse(dir.resolve("output/index.html")).text())
                    .contains("Good 1 says hello", "Good 2 says hello", "Good 3 says hello", "Good 4 says hello");
        }
    }

    /** Fails some feeds as a bug or an exhausted JVM would, and fetches the others. */
    record Throwing(Fetcher fetcher, Map<String, Function<String, Throwable>> thrown) implements Fetcher {
        @Override
        public FetchResult fetch(URI uri, Validators validators, boolean privateAllowed) {
            Function<String, Throwable> error = thrown.get(uri.getPath());
            if (error == null) {
                return fetcher.fetch(uri, validators, privateAllowed);
            }
            Throwable t = error.apply(uri.getPath());
            if (t instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) t;
        }

        @Override
        public void close() {
            fetcher.close();
        }
    }

    @Test
    void anErrorRefreshingOneFeedIsThatFeedsFailureAndTheOthersPublish() throws Exception {
        PlanetConfig config = config("", List.of("/oom", "/deep", "/bug", "/good/1"));
        try (Fetcher fetcher = new Throwing(
                fetcher(Duration.ofSeconds(10)),
                Map.of(
                        "/oom", p -> new OutOfMemoryError("Java heap space"),
                        "/deep", p -> new StackOverflowError(),
                        "/bug", p -> new NullPointerException()))) {
            Planet planet = new Planet(config, fetcher, store, InstantSource.system());

            RefreshSummary summary = planet.refresh();
            planet.publish();

            assertThat(summary.ok()).isEqualTo(1);
            assertThat(summary.failures())
                    .containsExactlyInAnyOrder(
                            url("/oom") + ": internal error: out of memory",
                            url("/deep") + ": internal error: too deeply nested (stack overflow)",
                            url("/bug") + ": internal error: NullPointerException");
            assertThat(health(planet))
                    .containsEntry("/oom", "FAILING: internal error: out of memory")
                    .containsEntry("/deep", "FAILING: internal error: too deeply nested (stack overflow)")
                    .containsEntry("/bug", "FAILING: internal error: NullPointerException")
                    .containsEntry("/good/1", "OK");
            assertThat(Jsoup.parse(dir.resolve("output/index.html")).text()).contains("Good 1 says hello");
        }
    }

    @Test
    void aFeedOfTwentyThousandItemsHasItsFirstThousandStored() throws Exception {
        PlanetConfig config = config("", List.of("/flood", "/good/1"));
        try (Fetcher fetcher = fetcher(Duration.ofSeconds(30))) {
            Planet planet = new Planet(config, fetcher, store, InstantSource.system());

            RefreshSummary summary = planet.refresh();

            assertThat(summary.ok()).isEqualTo(2);
            assertThat(summary.added()).isEqualTo(1001);
            try (var db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache/orrery.db"));
                    var rows = db.createStatement()
                            .executeQuery("SELECT count(*), min(entry_key), max(entry_key) FROM entry"
                                    + " WHERE entry_key LIKE 'urn:flood:%'")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1000);
                assertThat(rows.getString(2)).isEqualTo("urn:flood:1");
                assertThat(rows.getString(3)).isEqualTo("urn:flood:999");
            }
            String warning = "the feed has 20000 entries; only the first 1000 are read (max_entries_per_feed)";
            assertThat(floodRow(planet).state()).isEqualTo(HealthReport.State.OK);
            assertThat(floodRow(planet).health().warning()).contains(warning);
            assertThat(planet.refresh().notModified()).isEqualTo(2);
            assertThat(floodRow(planet).health().warning()).contains(warning);
            assertThat(new String(planet.health().json(), UTF_8)).contains("\"warning\" : \"" + warning + "\"");
        }
    }

    static HealthReport.Row floodRow(Planet planet) {
        return row(planet, "/flood");
    }

    static HealthReport.Row row(Planet planet, String path) {
        return planet.health().rows().stream()
                .filter(r -> r.health().feedUri().getPath().equals(path))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aFeedBackUnderTheLimitLosesItsWarning() throws Exception {
        PlanetConfig config = config("max_entries_per_feed = 10", List.of("/sized"));
        try (Fetcher fetcher = fetcher(Duration.ofSeconds(30))) {
            Planet planet = new Planet(config, fetcher, store, InstantSource.system());
            sized.set(30);
            planet.refresh();
            assertThat(row(planet, "/sized").health().warning())
                    .contains("the feed has 30 entries; only the first 10 are read (max_entries_per_feed)");
            sized.set(5);

            planet.refresh(true);

            assertThat(row(planet, "/sized").health().warning()).isEmpty();
        }
    }

    @Test
    void maxEntriesPerFeedSetsHowManyEntriesAreRead() throws Exception {
        PlanetConfig config = config("max_entries_per_feed = 25", List.of("/flood"));
        try (Fetcher fetcher = fetcher(Duration.ofSeconds(30))) {
            Planet planet = new Planet(config, fetcher, store, InstantSource.system());

            assertThat(planet.refresh().added()).isEqualTo(25);
        }
    }

    /** A clock a second later each time it is read. */
    static final class Ticking implements InstantSource {
        private Instant now = Instant.parse("2026-03-01T12:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }
    }

    @Test
    void aFeedWhoseParsingOutlastsFeedTimeoutFailsAloneSayingSo() throws Exception {
        // One feed at a time, so that only its own parsing moves the clock while it parses.
        PlanetConfig config = config("feed_timeout = 20\nmax_connections = 1", List.of("/flood", "/good/1"));
        try (Fetcher fetcher = fetcher(Duration.ofSeconds(30))) {
            Planet planet = new Planet(config, fetcher, store, new Ticking());

            RefreshSummary summary = planet.refresh();
            planet.publish();

            assertThat(summary.failures()).containsExactly(url("/flood") + ": parse took longer than 20 s");
            assertThat(health(planet))
                    .containsEntry("/flood", "FAILING: parse took longer than 20 s")
                    .containsEntry("/good/1", "OK");
            assertThat(Jsoup.parse(dir.resolve("output/index.html")).text()).contains("Good 1 says hello");
        }
    }
}
