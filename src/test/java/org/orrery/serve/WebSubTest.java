package org.orrery.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.FetchSettings;
import org.orrery.fetch.HttpFetcher;
import org.orrery.store.JdbcStore;
import org.orrery.store.Store;

/**
 * {@code orrery serve} as a WebSub subscriber, on loopback: feeds naming a {@link TestHub}, which
 * verifies intent and pushes signed content to the planet's callback URLs. Feeds are polled every
 * second; leases are looked at every 100 ms, so a test waits seconds.
 */
class WebSubTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private TestHub hub;
    private Store store;
    private HttpFetcher fetcher;
    private PlanetServer server;
    private int port;
    private WebSubscriber.Settings leases = new WebSubscriber.Settings(
            Duration.ofMinutes(10),
            Duration.ofSeconds(1),
            Duration.ofHours(1),
            Duration.ofMillis(100),
            Duration.ofSeconds(5));

    @BeforeEach
    void hub() throws IOException {
        hub = new TestHub();
        hub.feed("alice.xml", false, "Alice one");
        hub.feed("bob.xml", true, "Bob one");
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
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
        hub.close();
    }

    @Test
    void subscribesWithItsOwnCallbackAndSecretAndShowsASignedPush() throws Exception {
        start(config("alice.xml", "bob.xml"));
        Eventually.holds("both feeds verified", BOUND, () -> hub.verified.size() >= 2);

        assertThat(hub.verified)
                .extracting(TestHub.Verified::topic)
                .containsExactlyInAnyOrder(hub.url("alice.xml"), hub.url("bob.xml"));
        TestHub.Verified alice = verified(hub.url("alice.xml"));
        TestHub.Verified bob = verified(hub.url("bob.xml"));
        assertThat(alice.callback().toString()).startsWith(callbackBase());
        assertThat(alice.callback()).isNotEqualTo(bob.callback());
        assertThat(alice.secret()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(bob.secret());
        TestHub.Asked asked = hub.asked.getFirst();
        assertThat(asked.form()).containsEntry("hub.mode", "subscribe").containsKey("hub.lease_seconds");

        String pushed = hub.atom("alice.xml", null, "Alice pushed", "Alice one");
        assertThat(hub.push(
                        alice.callback(), pushed, TestHub.signature("sha256", "HmacSHA256", alice.secret(), pushed)))
                .isBetween(200, 299);
        // Taken before the push is answered: stored now, published once the burst settles.
        assertThat(titles()).contains("Alice pushed");
        Eventually.holds("the page shows the pushed post", BOUND, () -> page("/index.html")
                .contains("Alice pushed"));
        Eventually.holds("atom.xml carries it", BOUND, () -> page("/atom.xml").contains("Alice pushed"));

        String bobs = hub.atom("bob.xml", null, "Bob pushed");
        assertThat(hub.push(bob.callback(), bobs, TestHub.signature("sha1", "HmacSHA1", bob.secret(), bobs)))
                .isBetween(200, 299);
        assertThat(titles()).contains("Bob pushed");
        assertThat(Files.readString(dir.resolve("cache/websub.json")))
                .contains(hub.url("alice.xml"))
                .contains("ACTIVE");
    }

    @Test
    void answersVerificationOnlyForItsOwnSubscriptionAndTopic() throws Exception {
        start(config("alice.xml"));
        Eventually.holds("verified", BOUND, () -> !hub.verified.isEmpty());
        URI callback = hub.verified.getFirst().callback();

        var wrongTopic = hub.verify(callback, "subscribe", hub.url("bob.xml"), "c1");
        assertThat(wrongTopic.statusCode()).isEqualTo(404);
        assertThat(wrongTopic.body()).doesNotContain("c1");
        var unknown =
                hub.verify(URI.create(callbackBase() + "0123456789abcdef"), "subscribe", hub.url("alice.xml"), "c2");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).doesNotContain("c2");
        // Nobody asked to unsubscribe: a hub (or anyone) saying so is not confirmed.
        assertThat(hub.verify(callback, "unsubscribe", hub.url("alice.xml"), "c3")
                        .statusCode())
                .isEqualTo(404);
        var again = hub.verify(callback, "subscribe", hub.url("alice.xml"), "c4");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("c4");

        // §5.2: the hub takes the subscription back; the feed is polled, and pushes are ignored.
        assertThat(hub.verify(callback, "denied", hub.url("alice.xml"), "").statusCode())
                .isEqualTo(200);
        assertThat(Files.readString(dir.resolve("cache/websub.json")))
                .contains("FAILED")
                .doesNotContain("ACTIVE");
        String pushed = hub.atom("alice.xml", null, "After denial");
        hub.push(
                callback,
                pushed,
                TestHub.signature(
                        "sha256", "HmacSHA256", hub.verified.getFirst().secret(), pushed));
        assertThat(titles()).doesNotContain("After denial");
    }

    @Test
    void ignoresPushesWithAMissingOrWrongSignature() throws Exception {
        start(config("alice.xml"));
        Eventually.holds("verified", BOUND, () -> !hub.verified.isEmpty());
        TestHub.Verified alice = hub.verified.getFirst();
        Eventually.holds("the first fetch stored", BOUND, () -> titles().contains("Alice one"));

        String forged = hub.atom("alice.xml", null, "Forged post");
        assertThat(hub.push(alice.callback(), forged, null)).isEqualTo(202);
        assertThat(hub.push(
                        alice.callback(), forged, TestHub.signature("sha256", "HmacSHA256", "not the secret", forged)))
                .isEqualTo(202);
        String other = hub.atom("alice.xml", null, "Another post");
        // Signed right, but for another body.
        assertThat(hub.push(alice.callback(), forged, TestHub.signature("sha256", "HmacSHA256", alice.secret(), other)))
                .isEqualTo(202);
        assertThat(hub.push(alice.callback(), forged, "md5=00ff")).isEqualTo(202);
        assertThat(titles()).doesNotContain("Forged post");

        assertThat(hub.push(alice.callback(), other, TestHub.signature("sha512", "HmacSHA512", alice.secret(), other)))
                .isBetween(200, 299);
        assertThat(titles()).contains("Another post").doesNotContain("Forged post");
        // A callback of no subscription: the hub is told it is gone.
        assertThat(hub.push(URI.create(callbackBase() + "feedface"), other, null))
                .isEqualTo(410);
    }

    @Test
    void renewsTheLeaseBeforeItRunsOut() throws Exception {
        hub.leaseSeconds = 4;
        start(config("alice.xml"));
        Eventually.holds("renewed", BOUND, () -> hub.verified.size() >= 2);

        TestHub.Verified first = hub.verified.get(0);
        TestHub.Verified second = hub.verified.get(1);
        assertThat(second.callback()).isEqualTo(first.callback());
        assertThat(second.secret()).isEqualTo(first.secret());
        TestHub.Asked renewal = hub.asked.get(1);
        assertThat(renewal.at()).isBefore(first.expires());
        // The renewed lease still takes pushes.
        String pushed = hub.atom("alice.xml", null, "After renewal");
        hub.push(second.callback(), pushed, TestHub.signature("sha384", "HmacSHA384", second.secret(), pushed));
        assertThat(titles()).contains("After renewal");
    }

    @Test
    void pollsAPushedFeedOnlyDailyUntilItsLeaseEnds() throws Exception {
        start(config("alice.xml"));
        Eventually.holds("verified", BOUND, () -> !hub.verified.isEmpty());
        TestHub.Verified alice = hub.verified.getFirst();
        // Polled every second until a fetch ends with the lease active, which plans the next a day on.
        Eventually.holds("fetching stopped", BOUND, () -> {
            int before = hub.fetches("alice.xml");
            Thread.sleep(1500);
            return hub.fetches("alice.xml") == before;
        });
        int fetches = hub.fetches("alice.xml");
        hub.feed("alice.xml", false, "Alice polled", "Alice one");

        Thread.sleep(2500); // two and a half poll intervals, which would have fetched it
        assertThat(hub.fetches("alice.xml")).isEqualTo(fetches);
        assertThat(titles()).doesNotContain("Alice polled");

        hub.verify(alice.callback(), "denied", hub.url("alice.xml"), "");
        Eventually.holds("polled again once the lease ended", BOUND, () -> titles().contains("Alice polled"));
    }

    @Test
    void keepsPollingWhenTheHubRefusesOrNeverVerifies() throws Exception {
        hub.answer = 500;
        hub.feed("carol.xml", false, "Carol one");
        start(config("alice.xml"));
        Eventually.holds("asked", BOUND, () -> !hub.asked.isEmpty());
        int before = hub.fetches("alice.xml");
        hub.feed("alice.xml", false, "Alice two", "Alice one");
        Eventually.holds("polled and stored", BOUND, () -> titles().contains("Alice two"));
        assertThat(hub.fetches("alice.xml")).isGreaterThan(before);
        assertThat(Files.readString(dir.resolve("cache/websub.json"))).contains("FAILED");

        hub.answer = 202;
        hub.verifying = false;
        write(dir.resolve("config.ini"), "alice.xml", "carol.xml");
        Eventually.holds("carol asked", BOUND, () -> hub.asked.stream()
                .anyMatch(a -> a.topic().equals(hub.url("carol.xml"))));
        Eventually.holds(
                "given up on carol's verification",
                BOUND,
                () -> Files.readString(dir.resolve("cache/websub.json"))
                                .lines()
                                .filter(l -> l.contains("\"state\""))
                                .filter(l -> l.contains("FAILED"))
                                .count()
                        == 2);
        int carolBefore = hub.fetches("carol.xml");
        hub.feed("carol.xml", false, "Carol two", "Carol one");
        Eventually.holds("carol polled", BOUND, () -> titles().contains("Carol two"));
        assertThat(hub.fetches("carol.xml")).isGreaterThan(carolBefore);
    }

    @Test
    void unsubscribesAFeedThatLeavesTheConfigAndKeepsSubscriptionsOverARestart() throws Exception {
        Path config = config("alice.xml", "bob.xml");
        start(config);
        Eventually.holds("both verified", BOUND, () -> hub.verified.size() >= 2);
        TestHub.Verified alice = verified(hub.url("alice.xml"));
        TestHub.Verified bob = verified(hub.url("bob.xml"));

        write(config, "alice.xml");
        Eventually.holds("bob unsubscribed", BOUND, () -> hub.verified.stream()
                .anyMatch(v -> v.mode().equals("unsubscribe") && v.topic().equals(hub.url("bob.xml"))));
        assertThat(hub.verified.getLast().callback()).isEqualTo(bob.callback());
        String bobs = hub.atom("bob.xml", null, "Bob after leaving");
        assertThat(hub.push(bob.callback(), bobs, TestHub.signature("sha256", "HmacSHA256", bob.secret(), bobs)))
                .isEqualTo(410);

        server.close();
        store.close();
        int asked = hub.asked.size();
        start(config);
        String pushed = hub.atom("alice.xml", null, "Pushed after restart");
        assertThat(hub.push(
                        alice.callback(), pushed, TestHub.signature("sha256", "HmacSHA256", alice.secret(), pushed)))
                .isBetween(200, 299);
        assertThat(titles()).contains("Pushed after restart").doesNotContain("Bob after leaving");
        assertThat(hub.asked).hasSize(asked); // not subscribed again: the lease was kept
    }

    private TestHub.Verified verified(String topic) {
        return hub.verified.stream()
                .filter(v -> v.topic().equals(topic))
                .findFirst()
                .orElseThrow();
    }

    private String callbackBase() {
        return "http://127.0.0.1:" + port + "/websub/";
    }

    private void start(Path config) throws Exception {
        PlanetConfig loaded = ConfigLoader.load(List.of(config));
        store = JdbcStore.openSqlite(loaded.databaseFile());
        if (fetcher == null) {
            fetcher = new HttpFetcher(
                    FetchSettings.defaults().withTimeout(Duration.ofSeconds(20)).withConnections(8, 2));
        }
        server = PlanetServer.start(
                loaded,
                store,
                fetcher,
                () -> {
                    try {
                        return Optional.of(ConfigLoader.load(List.of(config)));
                    } catch (Exception e) {
                        return Optional.empty();
                    }
                },
                PlanetServer.Settings.of("127.0.0.1", port)
                        .withPollInterval(Duration.ofSeconds(1))
                        .withConfigCheck(Duration.ofMillis(100))
                        .withShutdown(Duration.ofSeconds(1)),
                leases);
    }

    private Path config(String... paths) throws IOException {
        Path config = dir.resolve("config.ini");
        write(config, paths);
        return config;
    }

    private void write(Path config, String... paths) throws IOException {
        var ini = new StringBuilder("[Planet]\nname = WebSub Test\nlink = http://planet.example.org/\n"
                + "cache_directory = " + dir.resolve("cache") + "\noutput_dir = " + dir.resolve("output")
                + "\nwebsub_callback = " + callbackBase() + "\n");
        for (String path : paths) {
            ini.append("\n[")
                    .append(hub.url(path))
                    .append("]\nname = ")
                    .append(path)
                    .append('\n');
        }
        var before = Files.exists(config) ? Files.getLastModifiedTime(config).toMillis() : 0;
        Files.writeString(config, ini);
        Files.setLastModifiedTime(
                config,
                java.nio.file.attribute.FileTime.fromMillis(Math.max(System.currentTimeMillis(), before + 1000)));
    }

    private String page(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private List<String> titles() throws Exception {
        var titles = new ArrayList<String>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache/orrery.db"));
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT title FROM entry")) {
            while (rows.next()) {
                titles.add(rows.getString(1));
            }
        }
        return titles;
    }
}
