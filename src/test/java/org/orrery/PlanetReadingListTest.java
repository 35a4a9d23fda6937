package org.orrery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.FetchSettings;
import org.orrery.fetch.HttpFetcher;
import org.orrery.model.Post;
import org.orrery.model.Subscription;
import org.orrery.store.JdbcStore;

/** Reading lists: fetched with each refresh, their feeds refreshed with the configured ones. */
class PlanetReadingListTest {
    @TempDir
    Path dir;

    final MockWebServer server = new MockWebServer();
    final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final PlanetRefreshTest.Clock clock = new PlanetRefreshTest.Clock();
    HttpFetcher fetcher;
    JdbcStore store;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                requests.add(path);
                var route = routes.get(path);
                return route == null ? new MockResponse.Builder().code(404).build() : route.apply(request);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        fetcher = new HttpFetcher(FetchSettings.defaults().withTimeout(Duration.ofSeconds(5)));
        store = JdbcStore.openSqlite(dir.resolve("cache/orrery.db"));
        routes.put("/alice.atom", r -> PlanetRefreshTest.ok(feed("alice")));
        routes.put("/bob.atom", r -> PlanetRefreshTest.ok(feed("bob")));
        routes.put("/carol.atom", r -> PlanetRefreshTest.ok(feed("carol")));
        serveList("/list.opml", opml("alice.atom", "Alice", "bob.atom", "Bob"));
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

    static String feed(String who) {
        return """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>%1$s's blog</title><id>urn:%1$s</id>
                <entry><title>Hello from %1$s</title><id>urn:%1$s:1</id><updated>2026-02-28T10:00:00Z</updated>
                <content>hi</content></entry></feed>
                """
                .formatted(who);
    }

    String opml(String... pathsAndNames) {
        var outlines = new StringBuilder();
        for (int i = 0; i < pathsAndNames.length; i += 2) {
            outlines.append("<outline type=\"rss\" text=\"%s\" xmlUrl=\"%s\"/>"
                    .formatted(pathsAndNames[i + 1], url("/" + pathsAndNames[i])));
        }
        return "<opml version=\"2.0\"><head><title>Blogroll</title></head><body>" + outlines + "</body></opml>";
    }

    /** Serves {@code body} with an ETag, answering 304 to a request that sends it back. */
    void serveList(String path, String body) {
        String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
        routes.put(
                path,
                r -> etag.equals(r.getHeaders().get("If-None-Match"))
                        ? PlanetRefreshTest.status(304, "ETag", etag)
                        : PlanetRefreshTest.ok(body, "ETag", etag, "Content-Type", "text/x-opml"));
    }

    Planet planet(String sections) throws Exception {
        return planet(url("/list.opml"), "opml", sections);
    }

    /** A planet whose config names the reading list at {@code list}, of {@code contentType}. */
    Planet planet(URI list, String contentType, String sections) throws Exception {
        String ini =
                "[Planet]\nname = Test\ncache_directory = %s\noutput_dir = %s\n\n[%s]\ncontent_type = %s\nface = x.png\n%s"
                        .formatted(dir.resolve("cache"), dir.resolve("output"), list, contentType, sections);
        PlanetConfig config = ConfigLoader.load(List.of(Files.writeString(dir.resolve("config.ini"), ini)), dir);
        return new Planet(config, fetcher, store, clock, PlanetRefreshTest.noJitter());
    }

    List<String> shown(Planet planet) {
        return store.river(planet.subscriptions(), 100).posts().stream()
                .map(Post::entry)
                .map(e -> e.title())
                .sorted()
                .toList();
    }

    @Test
    void feedsOfAListAreRefreshedWithTheListsOptions() throws Exception {
        Planet planet = planet("[" + url("/carol.atom") + "]\nname = Carol\n");

        var summary = planet.refresh();

        assertThat(summary.line()).startsWith("3 feeds: 3 ok");
        assertThat(summary.readingLists()).isEmpty();
        assertThat(planet.subscriptions())
                .extracting(Subscription::feedUri)
                .containsExactly(url("/carol.atom"), url("/alice.atom"), url("/bob.atom"));
        Subscription alice = planet.subscriptions().get(1);
        assertThat(alice.name()).contains("Alice");
        assertThat(alice.option("face")).contains("x.png");
        assertThat(shown(planet)).containsExactly("Hello from alice", "Hello from bob", "Hello from carol");
    }

    @Test
    void aFeedTheConfigNamesKeepsTheConfigsOptions() throws Exception {
        Planet planet = planet("[" + url("/alice.atom") + "]\nname = Alice Configured\n");

        planet.refresh();

        assertThat(planet.subscriptions())
                .extracting(Subscription::feedUri)
                .containsExactly(url("/alice.atom"), url("/bob.atom"));
        assertThat(planet.subscriptions().get(0).name()).contains("Alice Configured");
    }

    @Test
    void aFeedTheConfigNamesIsTheListsSameFeedWhateverItsSpelling() throws Exception {
        // The config spells it with a fragment; the list as the server's URL.
        Planet planet = planet("[" + url("/alice.atom") + "#posts]\nname = Alice Configured\n");

        planet.refresh();

        assertThat(planet.subscriptions())
                .extracting(Subscription::feedUri)
                .containsExactly(URI.create(url("/alice.atom") + "#posts"), url("/bob.atom"));
        assertThat(requests.stream().filter("/alice.atom"::equals)).hasSize(1);
        assertThat(shown(planet)).containsExactly("Hello from alice", "Hello from bob");
    }

    @Test
    void theListIsAskedConditionallyAndItsLastCopyUsedWhenItFails() throws Exception {
        planet("").refresh();
        Planet planet = planet("");
        planet.refresh();
        assertThat(requests.stream().filter("/list.opml"::equals)).hasSize(2);

        routes.put("/list.opml", r -> PlanetRefreshTest.status(500));
        Planet failing = planet("");
        var summary = failing.refresh(true);

        assertThat(summary.readingLists()).singleElement().asString().contains(url("/list.opml") + ": ", "500");
        assertThat(summary.line()).startsWith("2 feeds:");
        assertThat(failing.subscriptions()).hasSize(2);
    }

    @Test
    void publishingOfflineExpandsTheStoredCopy() throws Exception {
        planet("").refresh();
        routes.clear();

        Planet offline = planet("");

        assertThat(offline.subscriptions()).hasSize(2);
        assertThat(shown(offline)).containsExactly("Hello from alice", "Hello from bob");
        assertThat(requests.stream().filter("/list.opml"::equals)).hasSize(1);
    }

    @Test
    void aListNeverReadLeavesItsFeedsMissingAndTheirEntriesAlone() throws Exception {
        routes.put("/list.opml", r -> PlanetRefreshTest.status(404));
        Planet planet = planet("[" + url("/carol.atom") + "]\n");

        var summary = planet.refresh();

        assertThat(summary.readingLists()).hasSize(2).last().asString().contains("subscriptions are missing");
        assertThat(planet.subscriptions()).extracting(Subscription::feedUri).containsExactly(url("/carol.atom"));
        assertThat(planet.expunge()).isEmpty();
    }

    @Test
    void expungeRemovesFeedsDroppedFromTheListButNotTheListsOwn() throws Exception {
        planet("[" + url("/carol.atom") + "]\n").refresh();
        serveList("/list.opml", opml("alice.atom", "Alice"));
        Planet planet = planet("[" + url("/carol.atom") + "]\n");
        planet.refresh();

        var expunged = planet.expunge();

        assertThat(expunged).singleElement().satisfies(e -> {
            assertThat(e.feedUri()).isEqualTo(url("/bob.atom"));
            assertThat(e.subscribed()).isFalse();
        });
        assertThat(shown(planet)).containsExactly("Hello from alice", "Hello from carol");
    }

    /** A local file a stranger's reading list might name: a feed, and a file that is not one. */
    record LocalFiles(String marker, URI feed, URI passwd) {}

    LocalFiles localFiles() throws Exception {
        String marker = "SECRET-" + UUID.randomUUID();
        Path feed = Files.writeString(dir.resolve("secret.atom"), feed(marker));
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:" + marker + ":/root:/bin/bash\n");
        return new LocalFiles(marker, feed.toUri(), passwd.toUri());
    }

    /** Refreshes and publishes, then checks that nothing read from a local file went anywhere. */
    void assertNothingOfTheFilesLeaks(Planet planet, LocalFiles files) throws Exception {
        var summary = planet.refresh();
        planet.publish();

        List<String> said = new ArrayList<>(summary.failures());
        said.addAll(summary.readingLists());
        said.add(new String(planet.health().json(), StandardCharsets.UTF_8));
        said.add(planet.health().table());
        assertThat(said).noneMatch(line -> line.contains(files.marker()));
        for (Path where : List.of(dir.resolve("output"), dir.resolve("cache"))) {
            try (var walk = Files.walk(where)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                            .as(file.toString())
                            .doesNotContain(files.marker());
                }
            }
        }
        assertThat(shown(planet)).containsExactly("Hello from alice");
        for (URI local : List.of(files.feed(), files.passwd())) {
            assertThat(planet.health().message(local))
                    .hasValueSatisfying(m -> assertThat(m).contains("refused", "http", "https"));
            assertThat(summary.failures()).anySatisfy(line -> assertThat(line).startsWith(local + ": refused"));
        }
    }

    @Test
    void aListCannotHaveLocalFilesReadOrPublished() throws Exception {
        LocalFiles files = localFiles();
        serveList(
                "/list.opml",
                """
                <opml version="2.0"><body>
                <outline type="rss" text="Secret" xmlUrl="%s"/>
                <outline type="rss" text="Passwords" xmlUrl="%s"/>
                <outline type="rss" text="Alice" xmlUrl="%s"/>
                <outline type="rss" text="Moved" xmlUrl="%s"/>
                </body></opml>"""
                        .formatted(files.feed(), files.passwd(), url("/alice.atom"), url("/moved.atom")));
        routes.put(
                "/moved.atom",
                r -> PlanetRefreshTest.status(301, "Location", files.feed().toString()));

        Planet planet = planet("");
        assertNothingOfTheFilesLeaks(planet, files);
        assertThat(planet.health().message(url("/moved.atom")))
                .hasValueSatisfying(m -> assertThat(m).contains("unsupported URL scheme"));
    }

    @Test
    void aConfigListCannotNameLocalFilesNorListsOfThem() throws Exception {
        LocalFiles files = localFiles();
        Path nested = Files.writeString(
                dir.resolve("nested.opml"),
                "<opml version=\"2.0\"><body><outline type=\"rss\" text=\"S\" xmlUrl=\"%s\"/></body></opml>"
                        .formatted(files.feed()));
        serveList(
                "/list.ini",
                "[%s]\nname = Secret\n\n[%s]\nname = Passwords\n\n[%s]\ncontent_type = opml\n\n[%s]\nname = Alice\n"
                        .formatted(files.feed(), files.passwd(), nested.toUri(), url("/alice.atom")));

        assertNothingOfTheFilesLeaks(planet(url("/list.ini"), "config", ""), files);
        assertThat(planet(url("/list.ini"), "config", "").health().message(nested.toUri()))
                .hasValueSatisfying(m -> assertThat(m).contains("refused"));
    }

    @Test
    void theConfigMayNameALocalListWhoseFeedsAreOnTheWeb() throws Exception {
        Path list = Files.writeString(dir.resolve("list.opml"), opml("alice.atom", "Alice", "bob.atom", "Bob"));

        // The list is no loopback address: its loopback feeds need the list section's permission.
        Planet planet = planet(list.toUri(), "opml", "allow_private_addresses = yes\n");
        var summary = planet.refresh();

        assertThat(summary.readingLists()).isEmpty();
        assertThat(summary.failures()).isEmpty();
        assertThat(shown(planet)).containsExactly("Hello from alice", "Hello from bob");
    }

    @Test
    void aLocalFileTheConfigNamesIsNotQuotedWhenItIsNoFeed() throws Exception {
        String marker = "SECRET" + UUID.randomUUID().toString().replace("-", "");
        Path json = Files.writeString(dir.resolve("settings.json"), "{\"password\": " + marker + "}\n");
        Path xml = Files.writeString(dir.resolve("settings.xml"), "<" + marker + ">x</" + marker + ">\n");
        // A path, and a file: URL (a path ending in .xml would be read as a theme's template section).
        Planet planet = planet("\n[" + json + "]\nname = JSON\n\n[" + xml.toUri() + "]\nname = XML\n");

        var summary = planet.refresh();
        planet.publish();

        assertThat(summary.failures()).hasSize(2).noneMatch(line -> line.contains(marker));
        assertThat(planet.health().message(json.toUri()))
                .contains("not a feed (RSS, Atom or JSON Feed); orrery parse " + json + " tells why");
        try (var walk = Files.walk(dir.resolve("output"))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
                        .as(file.toString())
                        .doesNotContain(marker);
            }
        }
    }

    @Test
    void entriesReadFromALocalFileBeforeItWasRefusedAreNotPublished() throws Exception {
        LocalFiles files = localFiles();
        // As an older version did: the file's entries were read and stored.
        planet("\n[" + files.feed() + "]\nname = Secret\n").refresh();
        serveList(
                "/list.opml",
                "<opml version=\"2.0\"><body><outline type=\"rss\" text=\"Secret\" xmlUrl=\"%s\"/></body></opml>"
                        .formatted(files.feed()));
        Planet planet = planet("");

        planet.refresh();
        planet.publish();

        try (var walk = Files.walk(dir.resolve("output"))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
                        .as(file.toString())
                        .doesNotContain(files.marker());
            }
        }
        assertThat(planet.health().message(files.feed()))
                .hasValueSatisfying(m -> assertThat(m).startsWith("refused"));
    }
}
