package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.orrery.config.ConfigException;
import org.orrery.config.ConfigLoader;
import org.orrery.model.Subscription;

/**
 * Whatever {@code orrery add} and {@code orrery opml import --config} write into config.ini loads
 * again, with each feed's URL and name as they were given: titles and URLs with the characters
 * config files treat specially ({@code % ; # [ ]}, line breaks, leading spaces, any script).
 * A name is one line, so its runs of whitespace read back as one space.
 */
class ConfigRoundTripTest {
    /** Title characters, {@code %} apart: ConfigParser's comment and section characters, spaces, scripts. */
    private static final String TITLE_CHARS = "aZ09 ;#[]=:\"'<>&\n\t\r()sé日本語ابج\u00a0\u2028";

    private static Path dir;
    private static HttpServer server;
    private static final Map<String, String> TITLES = new ConcurrentHashMap<>();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("config-round-trip");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String title = TITLES.get(exchange.getRequestURI().getRawPath());
                if (title == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] feed = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>"
                                + xml(title) + "</title><link>https://example.org/</link></channel></rss>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, feed.length);
                exchange.getResponseBody().write(feed);
            }
        });
        server.start();
    }

    @AfterContainer
    static void stop() throws IOException {
        server.stop(0);
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Provide
    Arbitrary<String> titles() {
        return Arbitraries.strings()
                .withChars(TITLE_CHARS)
                .ofMinLength(1)
                .ofMaxLength(40)
                .filter(t -> !squash(t).isEmpty() && !squash(t).equals("\"\""));
    }

    /**
     * A title that is exactly two double quotes cannot be written: ConfigParser reads the value
     * {@code ""} as empty. It is left out, and the feed keeps the name its feed gives it.
     */
    @net.jqwik.api.Example
    void aTitleOfTwoQuotesIsLeftOutRatherThanReadBackAsEmpty() throws Exception {
        Path config = freshConfig();
        Path file = dir.resolve("quotes-" + COUNTER.incrementAndGet() + ".opml");
        Files.writeString(
                file,
                "<opml version=\"2.0\"><body><outline type=\"rss\" title=\"&quot;&quot;\""
                        + " xmlUrl=\"https://q.example.org/\"/></body></opml>");

        var run = CliRun.of("opml", "import", file.toString(), "--config", config.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(config)).endsWith("[https://q.example.org/]\n");
        assertThat(load(config).getFirst().name()).isEmpty();
    }

    /** Feed titles without markup characters: how a feed's title reads as HTML is the parser's concern. */
    @Provide
    Arbitrary<String> feedTitles() {
        return titles().map(t -> t.replaceAll("[<>&]", "x"));
    }

    @Provide
    Arbitrary<List<String>> titleLists() {
        return titles().list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> titlesWithPercent() {
        return Combinators.combine(
                        feedTitles(), Arbitraries.of("%", "%(name)s", "100%", "%%", "%(", "%s", "%(__name__)s"))
                .as((t, percent) -> t + percent);
    }

    /** Paths with the characters a section name must carry as they are. */
    @Provide
    Arbitrary<String> paths() {
        return Combinators.combine(
                        Arbitraries.strings()
                                .withChars("az09-._~!$&'()*+,;=:@é")
                                .ofMaxLength(20),
                        Arbitraries.of("", "?a=1;b=2", "%25", "%5B%5D", "#top", "?q=%23x"))
                .as((p, tail) -> p + tail);
    }

    @Property(tries = 50)
    void addWritesASectionThatLoadsWithTheFeedsTitle(@ForAll("feedTitles") String title, @ForAll("paths") String path)
            throws Exception {
        assertAddRoundTrips(title, path);
    }

    @Property(tries = 100)
    void opmlImportWritesSectionsThatLoadWithTheOutlinesTitles(
            @ForAll("titleLists") List<String> titles, @ForAll("paths") String path) throws Exception {
        assertImportRoundTrips(titles, path);
    }

    @Property(tries = 100)
    void namesWithPercentSignsReadBackAsGiven(@ForAll("titlesWithPercent") String title, @ForAll("paths") String path)
            throws Exception {
        assertAddRoundTrips(title, path);
        assertImportRoundTrips(List.of(title), path);
    }

    private void assertAddRoundTrips(String title, String path) throws Exception {
        Path config = freshConfig();
        String feedPath = "/f" + COUNTER.incrementAndGet() + "/" + path.replaceFirst("#.*", "");
        URI feed = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + feedPath);
        TITLES.put(feed.getRawPath(), title);

        var run = CliRun.of("add", config.toString(), feed.toString());

        assertThat(run.status()).as(run.err()).isZero();
        List<Subscription> loaded = load(config);
        assertThat(loaded).hasSize(1);
        assertThat(loaded.getFirst().feedUri()).isEqualTo(feed);
        assertThat(loaded.getFirst().name().map(ConfigRoundTripTest::squash)).contains(squash(title));
    }

    private void assertImportRoundTrips(List<String> titles, String path) throws Exception {
        Path config = freshConfig();
        StringBuilder opml =
                new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<opml version=\"2.0\"><body>\n");
        Map<URI, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < titles.size(); i++) {
            URI feed = URI.create("https://h" + i + ".example.org/" + path);
            expected.put(feed, titles.get(i));
            opml.append("<outline type=\"rss\" title=\"")
                    .append(xml(titles.get(i)))
                    .append("\" xmlUrl=\"")
                    .append(xml(feed.toString()))
                    .append("\"/>\n");
        }
        opml.append("</body></opml>\n");
        Path file = dir.resolve("list-" + COUNTER.incrementAndGet() + ".opml");
        Files.writeString(file, opml);

        var run = CliRun.of("opml", "import", file.toString(), "--config", config.toString());

        assertThat(run.status()).as(run.err()).isZero();
        Map<URI, Optional<String>> loaded =
                load(config).stream().collect(Collectors.toMap(Subscription::feedUri, Subscription::name));
        assertThat(loaded.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((feed, title) -> assertThat(loaded.get(feed).map(ConfigRoundTripTest::squash))
                .as(feed.toString())
                .contains(squash(title)));
    }

    private static List<Subscription> load(Path config) throws ConfigException {
        return ConfigLoader.load(List.of(config)).subscriptions();
    }

    private static Path freshConfig() throws IOException {
        Path config = dir.resolve("config-" + COUNTER.incrementAndGet() + ".ini");
        Files.writeString(config, "[Planet]\nname = Round trip\ncache_directory = " + dir.resolve("cache") + "\n");
        return config;
    }

    /**
     * A name as one line: runs of whitespace as one space, none at either end, none before a
     * {@code ;} (ConfigParser would take {@code " ;"} for the start of a comment).
     */
    private static String squash(String name) {
        return name.replaceAll("(?U)\\s+", " ").replace(" ;", ";").strip();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("\n", "&#10;")
                .replace("\r", "&#13;")
                .replace("\t", "&#9;");
    }
}
