package org.orrery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.FetchSettings;
import org.orrery.fetch.HttpFetcher;
import org.orrery.model.Subscription;
import org.orrery.refresh.RefreshSummary;
import org.orrery.store.JdbcStore;

/** Refreshing a planet against a loopback server with a clock the test moves: what is fetched when. */
class PlanetRefreshTest {
    static final String FEED =
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title><id>urn:feed</id>
            <updated>2026-02-28T10:00:00Z</updated>
            <entry><title>One</title><id>urn:one</id><updated>2026-02-28T10:00:00Z</updated>
            <content>one</content></entry></feed>
            """;
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    final MockWebServer server = new MockWebServer();
    final Map<String, Supplier<MockResponse>> routes = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> conditions = new CopyOnWriteArrayList<>();
    final Clock clock = new Clock();
    HttpFetcher fetcher;
    JdbcStore store;

    /** An InstantSource the test moves by hand. */
    static final class Clock implements InstantSource {
        volatile Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                requests.add(path);
                conditions.add(String.valueOf(request.getHeaders().get("If-None-Match")));
                Supplier<MockResponse> route = routes.get(path);
                return route == null ? new MockResponse.Builder().code(404).build() : route.get();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        fetcher = new HttpFetcher(FetchSettings.defaults().withTimeout(Duration.ofSeconds(5)));
        store = JdbcStore.openSqlite(dir.resolve("cache/orrery.db"));
    }

    @AfterEach
    void stop() {
        store.close();
        fetcher.close();
        server.close();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    Planet planet(String planetOptions, String... paths) throws Exception {
        var ini = new StringBuilder("[Planet]\nname = Test\ncache_directory = %s\noutput_dir = %s\n%s\n"
                .formatted(dir.resolve("cache"), dir.resolve("output"), planetOptions));
        for (String path : paths) {
            ini.append("\n[")
                    .append(url(path))
                    .append("]\nname = ")
                    .append(path)
                    .append('\n');
        }
        PlanetConfig config = ConfigLoader.load(List.of(Files.writeString(dir.resolve("config.ini"), ini)), dir);
        return new Planet(config, fetcher, store, clock, noJitter());
    }

    static RandomGenerator noJitter() {
        return () -> 0;
    }

    static MockResponse ok(String body, String... headers) {
        var response = new MockResponse.Builder().code(200).body(body);
        for (int i = 0; i < headers.length; i += 2) {
            response.addHeader(headers[i], headers[i + 1]);
        }
        return response.build();
    }

    static MockResponse status(int code, String... headers) {
        var response = new MockResponse.Builder().code(code);
        for (int i = 0; i < headers.length; i += 2) {
            response.addHeader(headers[i], headers[i + 1]);
        }
        return response.build();
    }

    @Test
    void theSameBytesAgainAreNotModifiedAndNotReparsed() throws Exception {
        routes.put("/feed", () -> ok(FEED));
        Planet planet = planet("", "/feed");

        assertThat(planet.refresh().line())
                .isEqualTo("1 feed: 1 ok, 0 not modified, 0 failed; entries: 1 new, 0 updated");
        assertThat(planet.refresh().line())
                .isEqualTo("1 feed: 0 ok, 1 not modified, 0 failed; entries: 0 new, 0 updated");
        routes.put("/feed", () -> ok(FEED.replace("<content>one", "<content>one, edited")));
        assertThat(planet.refresh().line())
                .isEqualTo("1 feed: 1 ok, 0 not modified, 0 failed; entries: 0 new, 1 updated");
        assertThat(store.health(List.of(url("/feed"))).getFirst().httpStatus()).hasValue(200);
    }

    @Test
    void anEntryHeldBackByFutureDatesAppearsOnceItsDatePassesThoughTheFeedSendsTheSameBytes() throws Exception {
        String feed = FEED.replace(
                "</feed>",
                "<entry><title>Tomorrow</title><id>urn:tomorrow</id><updated>2026-03-02T12:00:00Z</updated>"
                        + "<content>soon</content></entry></feed>");
        routes.put("/feed", () -> ok(feed, "ETag", "\"same\""));
        Planet planet = planet("future_dates = ignore_entry", "/feed");

        assertThat(planet.refresh().line()).endsWith("entries: 1 new, 0 updated");
        assertThat(store.firstSeen(url("/feed"))).containsOnlyKeys("urn:one");
        clock.advance(Duration.ofDays(2));

        assertThat(planet.refresh().line()).endsWith("entries: 1 new, 0 updated");
        assertThat(store.firstSeen(url("/feed"))).containsOnlyKeys("urn:one", "urn:tomorrow");
        assertThat(planet.refresh().line())
                .as("once every entry is decided, the same bytes are not parsed again")
                .isEqualTo("1 feed: 0 ok, 1 not modified, 0 failed; entries: 0 new, 0 updated");
    }

    @Test
    void aFilterSetAfterEntriesWereStoredRemovesThoseItDropsAsVenusDid() throws Exception {
        String two = FEED.replace(
                "</feed>",
                "<entry><title>Two</title><id>urn:two</id><updated>2026-02-28T11:00:00Z</updated>"
                        + "<content>two</content></entry></feed>");
        routes.put("/feed", () -> ok(two, "ETag", "\"v1\""));
        planet("", "/feed").refresh();
        assertThat(store.firstSeen(url("/feed"))).containsOnlyKeys("urn:one", "urn:two");

        // The feed is unchanged (it would answer 304), but the filter is new: it is fetched whole
        // and the stored entry the filter now drops is removed.
        conditions.clear();
        clock.advance(Duration.ofHours(2));
        assertThat(planet("filter = two", "/feed").refresh().line()).contains("1 ok");
        assertThat(conditions).containsExactly("null");
        assertThat(store.firstSeen(url("/feed"))).containsOnlyKeys("urn:two");

        // With the same filter, the next refresh is conditional again.
        conditions.clear();
        clock.advance(Duration.ofHours(2));
        planet("filter = two", "/feed").refresh();
        assertThat(conditions).containsExactly("\"v1\"");
    }

    @Test
    void aPermanentRedirectSeenTwiceInARowMovesTheSubscription() throws Exception {
        routes.put("/old", () -> status(301, "Location", "/new"));
        routes.put("/new", () -> ok(FEED));
        Planet planet = planet("", "/old");

        assertThat(planet.refresh().moved()).isEmpty();
        assertThat(planet.refresh().moved())
                .containsExactly(url("/old") + " → " + url("/new") + ": update the section name in config.ini");
        requests.clear();
        RefreshSummary third = planet.refresh();

        assertThat(requests).containsExactly("/new");
        assertThat(third.moved()).hasSize(1);
        HealthReport.Row row = planet.health().rows().getFirst();
        assertThat(row.state()).isEqualTo(HealthReport.State.MOVED);
        assertThat(row.health().schedule().redirectedTo()).contains(url("/new"));
        assertThat(row.message()).contains("moved permanently to " + url("/new"));
        assertThat(row.action()).contains("update the section name in config.ini to " + url("/new"));
    }

    @Test
    void temporaryRedirectsNeverMoveIt() throws Exception {
        routes.put("/old", () -> status(302, "Location", "/new"));
        routes.put("/new", () -> ok(FEED));
        Planet planet = planet("", "/old");

        for (int i = 0; i < 3; i++) {
            assertThat(planet.refresh().moved()).isEmpty();
        }
        assertThat(requests).containsExactly("/old", "/new", "/old", "/new", "/old", "/new");
    }

    @Test
    void aPermanentRedirectInterruptedByADirectAnswerStartsCountingAgain() throws Exception {
        routes.put("/old", () -> status(308, "Location", "/new"));
        routes.put("/new", () -> ok(FEED));
        Planet planet = planet("", "/old");
        planet.refresh();
        routes.put("/old", () -> ok(FEED));
        planet.refresh();
        routes.put("/old", () -> status(308, "Location", "/new"));

        assertThat(planet.refresh().moved()).isEmpty();
        assertThat(planet.refresh().moved()).hasSize(1);
    }

    @Test
    void goneStopsAllRequestsAndKeepsTheEntries() throws Exception {
        routes.put("/feed", () -> ok(FEED));
        Planet planet = planet("", "/feed");
        planet.refresh();
        routes.put("/feed", () -> status(410));

        RefreshSummary second = planet.refresh();
        assertThat(second.failures())
                .containsExactly(url("/feed") + ": HTTP 410 Gone (no longer fetched; remove it from the config)");
        requests.clear();
        clock.advance(Duration.ofDays(30));
        RefreshSummary later = planet.refresh(true);

        assertThat(requests).isEmpty();
        assertThat(later.line()).endsWith("; 1 gone");
        assertThat(store.river(List.of(new Subscription(url("/feed"), Optional.empty(), Map.of())), 10)
                        .posts())
                .hasSize(1);
        assertThat(planet.health().rows().getFirst().message()).contains("410: gone");
        assertThat(planet.health().rows().getFirst().action()).contains("remove its section");
    }

    @Test
    void failuresBackOffGeometricallyAndAllOverridesTheWait() throws Exception {
        routes.put("/feed", () -> status(500));
        Planet planet = planet("", "/feed");

        assertThat(planet.refresh().failed()).isEqualTo(1);
        assertThat(planet.refresh().waiting()).isEqualTo(1); // same instant: waiting 15 min
        clock.advance(Duration.ofMinutes(15));
        assertThat(planet.refresh().failed()).isEqualTo(1); // second failure: waiting 30 min
        clock.advance(Duration.ofMinutes(29));
        assertThat(planet.refresh().waiting()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(planet.refresh().failed()).isEqualTo(1);
        assertThat(requests).hasSize(3);

        assertThat(planet.refresh(true).failed()).isEqualTo(1);
        assertThat(requests).hasSize(4);
        var health = planet.health().rows().getFirst();
        assertThat(health.state()).isEqualTo(HealthReport.State.FAILING);
        assertThat(health.health().errorCount()).isEqualTo(4);
        assertThat(health.message()).contains("500: internal server error");
        assertThat(health.health().schedule().nextFetchAt())
                .contains(clock.instant().plus(Duration.ofHours(2)));
    }

    @Test
    void aSuccessAfterFailuresIsDueAgainAtOnce() throws Exception {
        routes.put("/feed", () -> status(503));
        Planet planet = planet("", "/feed");
        planet.refresh();
        routes.put("/feed", () -> ok(FEED));
        clock.advance(Duration.ofMinutes(15));

        assertThat(planet.refresh().ok()).isEqualTo(1);
        assertThat(planet.refresh().notModified()).isEqualTo(1);
        assertThat(planet.health().rows().getFirst().state()).isEqualTo(HealthReport.State.OK);
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        routes.put("/feed", () -> status(429, "Retry-After", "7200"));
        Planet planet = planet("", "/feed");
        planet.refresh();

        clock.advance(Duration.ofMinutes(119));
        assertThat(planet.refresh().waiting()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(planet.refresh().failed()).isEqualTo(1);
        assertThat(requests).hasSize(2);
    }

    @Test
    void aFreshnessLifetimeDelaysTheNextFetch() throws Exception {
        routes.put("/feed", () -> ok(FEED, "Cache-Control", "max-age=600"));
        Planet planet = planet("", "/feed");
        planet.refresh();

        clock.advance(Duration.ofMinutes(9));
        assertThat(planet.refresh().waiting()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(planet.refresh().notModified()).isEqualTo(1);
        assertThat(planet.refresh(true).notModified()).isEqualTo(1);
        assertThat(requests).hasSize(3);
    }

    @Test
    void publishesHealthJsonAndVenusMessages() throws Exception {
        routes.put("/ok", () -> ok(FEED));
        routes.put("/old-news", () -> ok(FEED.replace("2026-02-28", "2017-09-19")));
        // /missing has no route: 404
        Planet planet = planet("activity_threshold = 180", "/ok", "/missing", "/old-news");
        planet.refresh();

        planet.publish();

        String health = Files.readString(dir.resolve("output/health.json"), StandardCharsets.UTF_8);
        assertThat(health)
                .contains("\"url\" : \"" + url("/missing") + "\"")
                .contains("\"state\" : \"failing\"")
                .contains("\"message\" : \"404: not found\"")
                .contains("\"message\" : \"no activity in 180 days\"")
                .contains("\"state\" : \"ok\"");
        assertThat(health.indexOf("/missing")).isLessThan(health.indexOf("/old-news"));
        assertThat(health.indexOf("/old-news")).isLessThan(health.indexOf("/ok\""));
        // Readers see a mark beside each feed that needs attention; its reason is on health.html.
        var index = Jsoup.parse(dir.resolve("output/index.html"));
        var marks = index.select("aside li.failing a.health");
        assertThat(marks).hasSize(2);
        assertThat(index.select("aside").text()).doesNotContain("404", "no activity");
        var page = Jsoup.parse(dir.resolve("output/health.html"));
        for (var mark : marks) {
            assertThat(mark.attr("href")).startsWith("health.html#");
            assertThat(page.getElementById(mark.attr("href").substring("health.html#".length())))
                    .as(mark.attr("href"))
                    .isNotNull();
        }
        assertThat(page.select("tbody tr").eachAttr("class")).containsExactly("failing", "quiet", "ok");
        assertThat(page.select("tr.failing").text()).contains(url("/missing").toString(), "404: not found");
        assertThat(page.select("tr.quiet").text()).contains("no activity in 180 days");
    }

    @Test
    void reportsASubscriptionThatMovedOntoAnotherAsADuplicate() throws Exception {
        routes.put("/a", () -> status(301, "Location", "/b"));
        routes.put("/b", () -> ok(FEED));
        Planet planet = planet("", "/a", "/b");
        planet.refresh();
        planet.refresh();

        var rows = planet.health().rows();
        assertThat(rows)
                .extracting(HealthReport.Row::state)
                .containsExactly(HealthReport.State.DUPLICATE, HealthReport.State.OK);
        assertThat(rows.getFirst().message()).contains("duplicate subscription of " + url("/b"));
    }

    @Test
    void theHealthReportSaysWhatEachFailureWas() throws Exception {
        routes.put("/busy", () -> status(429, "Retry-After", "3600"));
        routes.put("/loop", () -> status(301, "Location", "/loop"));
        routes.put("/empty", () -> ok("this is not a feed"));
        Planet planet = planet("", "/busy", "/loop", "/empty");
        planet.refresh();

        Map<String, HealthReport.Row> rows = new HashMap<>();
        planet.health().rows().forEach(r -> rows.put(r.name(), r));

        assertThat(rows.get("/busy").message()).contains("429: too many requests");
        assertThat(rows.get("/busy").health().schedule().nextFetchAt()).contains(T0.plus(Duration.ofHours(1)));
        assertThat(rows.get("/loop").message().orElseThrow()).startsWith("redirect loop: ");
        assertThat(rows.get("/empty").state()).isEqualTo(HealthReport.State.FAILING);
        assertThat(rows.get("/empty").health().httpStatus()).hasValue(200);
        assertThat(rows.values())
                .allSatisfy(r -> assertThat(r.health().errorCount()).isEqualTo(1));
    }
}
