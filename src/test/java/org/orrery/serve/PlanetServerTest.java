package org.orrery.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
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
 * {@code orrery serve}'s core on loopback: a real planet (SQLite in a temporary directory, feeds
 * from a test server, the default theme) refreshed and served by {@link PlanetServer}, read
 * through its own HTTP port. The poll interval is set to one second through {@link
 * PlanetServer.Settings#withPollInterval} (the option's minimum is ten), so a test waits seconds.
 */
class PlanetServerTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private TestFeeds feeds;
    private Store store;
    private HttpFetcher fetcher;
    private PlanetServer server;

    @BeforeEach
    void feeds() throws IOException {
        feeds = new TestFeeds();
        feeds.feed("alice.xml", "Alice's blog", "Alice one");
        feeds.feed("bob.xml", "Bob's blog", "Bob one", "Bob zero");
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
    void showsAFeedsChangeOnThePageAndInTheFeedWithinOneScheduledFetch() throws Exception {
        start(config("alice.xml", "bob.xml"));
        Eventually.holds("healthz answers 200", BOUND, () -> get("/healthz").statusCode() == 200);
        Eventually.holds(
                "the first fetches published",
                BOUND,
                () -> body("/").contains("Bob zero") && body("/").contains("Alice one"));
        int fetchesBefore = feeds.requests("alice.xml");

        feeds.feed("alice.xml", "Alice's blog", "Alice two", "Alice one");

        Eventually.holds("index.html shows the new post", BOUND, () -> body("/index.html")
                .contains("Alice two"));
        Eventually.holds("atom.xml carries it", BOUND, () -> body("/atom.xml").contains("Alice two"));
        // Seen after the next scheduled fetch (or the one after, if one was under way as it changed).
        assertThat(feeds.requests("alice.xml")).isBetween(fetchesBefore + 1, fetchesBefore + 3);
        var page = get("/index.html");
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(get("/atom.xml").headers().firstValue("Content-Type")).hasValue("application/xml;charset=utf-8");
        assertThat(get("/feed.json").headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
    }

    @Test
    void answersConditionalRequestsWith304AndCompressesWithGzip() throws Exception {
        start(config("alice.xml"));
        Eventually.holds("the first fetch published", BOUND, () -> body("/").contains("Alice one"));
        var first = get("/atom.xml");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String modified = first.headers().firstValue("Last-Modified").orElseThrow();

        assertThat(get("/atom.xml", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("/atom.xml", "If-Modified-Since", modified).statusCode()).isEqualTo(304);
        assertThat(get("/atom.xml", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);

        var zipped = http.send(
                HttpRequest.newBuilder(url("/index.html"))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String unzipped;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(unzipped).isEqualTo(Files.readString(dir.resolve("output/index.html")));
        String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
        var again = http.send(
                HttpRequest.newBuilder(url("/index.html"))
                        .header("Accept-Encoding", "gzip")
                        .header("If-None-Match", zippedTag)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void refusesPathsOutOfTheDirectoryListingsAndDotFiles() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "TOP SECRET");
        start(config("alice.xml"));
        Eventually.holds("healthz answers 200", BOUND, () -> get("/healthz").statusCode() == 200);
        Path output = dir.resolve("output");
        Files.createSymbolicLink(output.resolve("link.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(output.resolve("up"), dir);
        Files.createDirectories(output.resolve("files"));
        Files.writeString(output.resolve("files/listed-nowhere.txt"), "x");
        Files.createDirectories(output.resolve(".hidden"));
        Files.writeString(output.resolve(".hidden/file.txt"), "HIDDEN CONTENT");
        Files.writeString(output.resolve("inside.txt"), "inside");
        Files.createSymbolicLink(output.resolve("alias.txt"), output.resolve("inside.txt"));

        for (String path : List.of(
                "/../secret.txt",
                "/%2e%2e/secret.txt",
                "/%2E%2E%2Fsecret.txt",
                "/files/..%2f..%2fsecret.txt",
                "/files/%2e%2e/%2e%2e/secret.txt",
                "/link.txt",
                "/up/secret.txt",
                "/.hidden/file.txt",
                "/files/",
                "/files")) {
            String answer = raw("GET " + path + " HTTP/1.1");
            assertThat(answer).as(path).doesNotContain("TOP SECRET", "listed-nowhere", "HIDDEN CONTENT");
            assertThat(answer)
                    .as(path)
                    .matches(Pattern.compile("HTTP/1.1 (302|30[0-9]|4[0-9][0-9]) .*", Pattern.DOTALL));
        }
        assertThat(raw("GET /files HTTP/1.1")).doesNotStartWith("HTTP/1.1 200");
        assertThat(body("/alias.txt")).isEqualTo("inside");
        assertThat(raw("POST /index.html HTTP/1.1")).startsWith("HTTP/1.1 405");
    }

    @Test
    void stoppingMidRefreshLeavesAWholeDatabaseAndAWholeSite() throws Exception {
        feeds.feed("slow.xml", "Slow blog", "Slow one");
        var arrived = feeds.hold("slow.xml");
        start(config("alice.xml", "bob.xml", "slow.xml"));
        assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
        Eventually.holds("the other feeds published", BOUND, () -> body("/").contains("Bob one"));

        long started = System.nanoTime();
        server.close();
        Duration stopping = Duration.ofNanos(System.nanoTime() - started);
        server = null;

        assertThat(stopping).isLessThan(Duration.ofSeconds(20));
        assertThat(stored("PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(stored("SELECT COUNT(*) FROM entry e JOIN subscription s ON s.id = e.subscription_id"
                        + " WHERE s.url LIKE '%slow.xml'"))
                .isEqualTo("0");
        // Abandoned, not failed: the feed is not backed off for it.
        assertThat(stored("SELECT COUNT(*) FROM subscription WHERE url LIKE '%slow.xml' AND error_count > 0"))
                .isEqualTo("0");
        // Pages and feeds show one state of the store: the same posts everywhere.
        String page = Files.readString(dir.resolve("output/index.html"));
        String atom = Files.readString(dir.resolve("output/atom.xml"));
        assertThat(page).contains("</html>");
        assertThat(atom).contains("</feed>");
        for (String post : List.of("Alice one", "Bob one", "Bob zero")) {
            assertThat(page.contains(post)).as(post).isEqualTo(atom.contains(post));
        }
        assertThat(dir.resolve("output/.orrery-staging")).doesNotExist();
    }

    @Test
    void readsTheConfigAgainWhenItChangesSchedulingAddedFeedsAndDroppingRemovedOnes() throws Exception {
        feeds.feed("carol.xml", "Carol's blog", "Carol one");
        Path config = config("alice.xml");
        start(config);
        Eventually.holds("alice published", BOUND, () -> body("/").contains("Alice one"));
        assertThat(server.subscriptions()).isEqualTo(1);

        write(config, "carol.xml");

        Eventually.holds("carol published", BOUND, () -> body("/").contains("Carol one"));
        Eventually.holds(
                "alice dropped",
                BOUND,
                () -> server.subscriptions() == 1 && !body("/").contains("Alice one"));
        int aliceFetches = feeds.requests("alice.xml");
        int carolFetches = feeds.requests("carol.xml");
        Eventually.holds("carol fetched again", BOUND, () -> feeds.requests("carol.xml") > carolFetches + 1);
        assertThat(feeds.requests("alice.xml")).isEqualTo(aliceFetches);
    }

    @Test
    void healthzAnswers503UntilTheSiteIsPublished() throws Exception {
        // A slow first publishing cannot be arranged from outside; what a monitor sees once up:
        start(config("alice.xml"));
        assertThat(server.ready()).isTrue();
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/healthz").body()).isEqualTo("ok\n");
    }

    private void start(Path config) throws Exception {
        PlanetConfig loaded = ConfigLoader.load(List.of(config));
        store = JdbcStore.openSqlite(loaded.databaseFile());
        fetcher = new HttpFetcher(
                FetchSettings.defaults().withTimeout(Duration.ofSeconds(20)).withConnections(8, 2));
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
                PlanetServer.Settings.of("127.0.0.1", 0)
                        .withPollInterval(Duration.ofSeconds(1))
                        .withConfigCheck(Duration.ofMillis(100))
                        .withShutdown(Duration.ofSeconds(1)));
    }

    private Path config(String... paths) throws IOException {
        Path config = dir.resolve("config.ini");
        write(config, paths);
        return config;
    }

    private void write(Path config, String... paths) throws IOException {
        var ini = new StringBuilder("[Planet]\nname = Serve Test\nlink = http://planet.example.org/\n"
                + "cache_directory = " + dir.resolve("cache") + "\noutput_dir = " + dir.resolve("output") + "\n");
        for (String path : paths) {
            ini.append("\n[")
                    .append(feeds.url(path))
                    .append("]\nname = ")
                    .append(path)
                    .append('\n');
        }
        // A new modification time even within the file system's resolution.
        var before = Files.exists(config) ? Files.getLastModifiedTime(config).toMillis() : 0;
        Files.writeString(config, ini);
        Files.setLastModifiedTime(
                config,
                java.nio.file.attribute.FileTime.fromMillis(Math.max(System.currentTimeMillis(), before + 1000)));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(url(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String body(String path) throws Exception {
        return get(path).body();
    }

    /** One request written as it is (no client normalises its path), and the whole answer. */
    private String raw(String requestLine) throws IOException {
        try (var socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private String stored(String query) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache/orrery.db"));
                var statement = connection.createStatement();
                var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
