package org.orrery.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.RunLock;
import org.orrery.cli.Main;

/**
 * {@code orrery serve} as a process of its own, stopped by a real SIGTERM while a fetch is under
 * way; {@code status} and {@code run} beside it.
 */
class ServeCommandTest {
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final Pattern SERVING = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    private final TestFeeds feeds = new TestFeeds();
    private Process serve;

    ServeCommandTest() throws java.io.IOException {}

    @AfterEach
    void stop() throws Exception {
        if (serve != null && serve.isAlive()) {
            serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        feeds.close();
    }

    @Test
    void servesBesideStatusRefusesASecondRunAndStopsCleanlyOnSigterm() throws Exception {
        feeds.feed("alice.xml", "Alice's blog", "Alice one");
        feeds.feed("slow.xml", "Slow blog", "Slow one");
        var slowArrived = feeds.hold("slow.xml");
        Path config = dir.resolve("config.ini");
        Files.writeString(
                config,
                "[Planet]\nname = Served\nlink = http://planet.example.org/\ncache_directory = " + dir.resolve("cache")
                        + "\noutput_dir = " + dir.resolve("output") + "\npoll_interval = 10\n\n["
                        + feeds.url("alice.xml")
                        + "]\nname = Alice\n\n[" + feeds.url("slow.xml") + "]\nname = Slow\n");
        serve = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:-UsePerfData",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "serve",
                        config.toString(),
                        "--port",
                        "0")
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        Eventually.holds(
                "serve says where it serves",
                BOUND,
                () -> SERVING.matcher(read("out.txt")).find() || !serve.isAlive());
        Matcher serving = SERVING.matcher(read("out.txt"));
        assertThat(serving.find()).as(read("err.txt")).isTrue();
        String site = "http://127.0.0.1:" + serving.group(1);
        Eventually.holds("alice is published", BOUND, () -> get(site + "/").contains("Alice one"));
        assertThat(slowArrived.await(60, TimeUnit.SECONDS)).isTrue();

        var status = cli("status", "--json", config.toString());
        var run = cli("run", config.toString());

        assertThat(status.status()).as(status.err()).isZero();
        assertThat(status.out()).contains(feeds.url("alice.xml"));
        assertThat(run.status()).isEqualTo(75);
        assertThat(run.err()).contains("another Orrery run");

        serve.destroy(); // SIGTERM, with the slow feed's fetch under way

        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isEqualTo(143); // 128 + SIGTERM, as the JVM ends on a signal
        assertThat(read("err.txt")).contains("serve: stopped; the database is closed and the lock released");
        assertThat(stored("PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(stored("SELECT COUNT(*) FROM subscription WHERE url LIKE '%slow.xml' AND error_count > 0"))
                .isEqualTo("0");
        try (var lock = RunLock.acquire(dir.resolve("cache"))) {
            assertThat(lock).isNotNull(); // released by the process that stopped
        }
        String page = Files.readString(dir.resolve("output/index.html"));
        String atom = Files.readString(dir.resolve("output/atom.xml"));
        assertThat(page).contains("</html>", "Alice one");
        assertThat(atom).contains("</feed>", "Alice one");
        assertThat(dir.resolve("output/.orrery-staging")).doesNotExist();
    }

    private record Cli(int status, String out, String err) {}

    private static Cli cli(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int status = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(status, out.toString(), err.toString());
    }

    private String read(String file) throws java.io.IOException {
        Path path = dir.resolve(file);
        return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
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
