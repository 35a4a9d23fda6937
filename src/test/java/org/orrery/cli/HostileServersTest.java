package org.orrery.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole planet of hostile servers beside healthy ones, run as a maintainer runs it: each hostile
 * feed is reported in the health report ({@code health.json}, the same report as {@code orrery
 * status}) with a reason in words, and the healthy feeds are published all the same. The
 * fetcher's own tests check each misbehaviour alone; these check that none of them reaches past
 * its own feed.
 */
class HostileServersTest {
    private static final int TIMEOUT_SECONDS = 3;

    @TempDir
    Path dir;

    private HostileServer healthy;
    private HostileServer hostile;
    private final StringBuilder sections = new StringBuilder();

    @BeforeEach
    void startServers() throws IOException {
        healthy = new HostileServer();
        hostile = new HostileServer();
        for (String name : List.of("alpha", "beta")) {
            healthy.serveFeed("/" + name + ".xml", rss(name));
            subscribe(healthy.url("/" + name + ".xml"), "Healthy " + name);
        }
    }

    @AfterEach
    void stopServers() throws IOException {
        healthy.close();
        hostile.close();
    }

    @Test
    void eachHostileFeedFailsAloneWithItsReasonAndTheOthersArePublished() throws Exception {
        byte[] feed = rss("hostile").getBytes(UTF_8);
        hostile.serve("/trickle.xml", (socket, out) -> {
            HostileServer.head(out, 200, "Content-Length: 100000");
            for (int i = 0; i < 300; i++) { // 30 s at most; the client hangs up after 3 s
                out.write('<');
                out.flush();
                Thread.sleep(100);
            }
        });
        hostile.serve("/silent.xml", (socket, out) -> socket.getInputStream().read()); // until the client gives up
        hostile.serve("/mid-body.xml", (socket, out) -> {
            HostileServer.head(out, 200, "Content-Length: " + feed.length);
            out.write(feed, 0, feed.length / 3);
        });
        hostile.serve("/longer.xml", (socket, out) -> {
            HostileServer.head(out, 200, "Content-Length: " + (feed.length * 2));
            out.write(feed);
        });
        hostile.serve("/shorter.xml", (socket, out) -> { // the rest of the feed follows what it declared
            HostileServer.head(out, 200, "Content-Length: " + (feed.length / 2));
            out.write(feed);
        });
        hostile.serve("/loop-a.xml", (socket, out) -> HostileServer.head(out, 302, "Location: /loop-b.xml"));
        hostile.serve("/loop-b.xml", (socket, out) -> HostileServer.head(out, 302, "Location: /loop-a.xml"));
        byte[] bomb = HostileServer.gzip(new byte[8 * 1024 * 1024]);
        hostile.serve("/gzip-bomb.xml", (socket, out) -> {
            HostileServer.head(out, 200, "Content-Encoding: gzip\r\nContent-Length: " + bomb.length);
            out.write(bomb);
        });
        hostile.serve("/to-file.xml", (socket, out) -> HostileServer.head(out, 302, "Location: file:///etc/passwd"));
        Map<String, String> reasons = new HashMap<>();
        reasons.put("/trickle.xml", "timed out after 3 s");
        reasons.put("/silent.xml", "timed out after 3 s");
        reasons.put("/mid-body.xml", "the server closed the connection mid-response");
        reasons.put("/longer.xml", "the server closed the connection mid-response");
        reasons.put("/loop-a.xml", "redirect loop");
        reasons.put("/gzip-bomb.xml", "response larger than 1 MiB");
        reasons.put("/to-file.xml", "redirected to an unsupported URL scheme: file:");
        reasons.keySet().forEach(path -> subscribe(hostile.url(path), "Hostile " + path));
        subscribe(hostile.url("/shorter.xml"), "Hostile shorter");

        var run = run();

        assertThat(run.status()).as(run.err()).isZero();
        assertNoStackTrace(run);
        Map<String, JsonNode> health = health();
        reasons.forEach((path, reason) -> {
            JsonNode row = health.get(hostile.url(path));
            assertThat(row.path("state").asText()).as(path).isEqualTo("failing");
            assertThat(row.path("last_error").asText()).as(path).contains(reason);
        });
        // Half a feed is read as far as it goes, or refused; either way a reason in words.
        assertThat(health.get(hostile.url("/shorter.xml")).path("last_error").asText())
                .doesNotContain("internal error", "Exception");
        assertHealthyPublished(health);
        assertThat(Files.readString(dir.resolve("output/index.html"))).doesNotContain("root:x:0:0");
    }

    @Test
    void bombsInTheDocumentAreDefusedAndTheOthersArePublished() throws Exception {
        hostile.serveFeed(
                "/laughs.xml",
                """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY a "lollollollollollollollollollol">
                <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
                <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
                <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>
                <rss version="2.0"><channel><title>&i;</title>
                <item><title>laughs &i;</title><guid>l1</guid><description>&i;</description></item>
                </channel></rss>
                """);
        hostile.serveFeed(
                "/xxe.xml",
                """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>xxe</title>
                <item><title>xxe &x;</title><guid>x1</guid><description>&x;</description></item>
                </channel></rss>
                """);
        subscribe(hostile.url("/laughs.xml"), "Laughs");
        subscribe(hostile.url("/xxe.xml"), "External entity");

        var run = run();

        assertThat(run.status()).as(run.err()).isZero();
        assertNoStackTrace(run);
        Map<String, JsonNode> health = health();
        for (String path : List.of("/laughs.xml", "/xxe.xml")) {
            assertThat(health.get(hostile.url(path)).path("last_error").asText())
                    .as(path)
                    .doesNotContain("internal error");
        }
        assertHealthyPublished(health);
        for (String file : List.of("index.html", "atom.xml", "rss20.xml")) {
            String published = Files.readString(dir.resolve("output").resolve(file));
            assertThat(published.length()).as(file).isLessThan(1_000_000);
            assertThat(published).as(file).doesNotContain("lollollollollollollollollollollollol", "root:x:0:0");
        }
    }

    @Test
    void feedsThatHangDoNotStarveHealthyOnesOnTheSameHost() throws Exception {
        for (int i = 0; i < 8; i++) {
            hostile.serve("/hang-" + i + ".xml", (socket, out) -> socket.getInputStream()
                    .read());
            subscribe(hostile.url("/hang-" + i + ".xml"), "Hanging " + i);
        }
        for (int i = 0; i < 4; i++) {
            hostile.serveFeed("/fine-" + i + ".xml", rss("fine" + i));
            subscribe(hostile.url("/fine-" + i + ".xml"), "Fine " + i);
        }

        var run = run();

        assertThat(run.status()).isZero();
        Map<String, JsonNode> health = health();
        for (int i = 0; i < 4; i++) {
            assertThat(health.get(hostile.url("/fine-" + i + ".xml"))
                            .path("state")
                            .asText())
                    .isEqualTo("ok");
        }
    }

    @Test
    void endlessHeadersFailTheirFeedAlone() throws Exception {
        hostile.serve("/endless-header.xml", (socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\nX-Endless: ".getBytes(UTF_8));
            byte[] chunk = "a".repeat(64 * 1024).getBytes(UTF_8);
            for (int i = 0; i < 4096; i++) { // 256 MiB at most; the client must hang up long before
                out.write(chunk);
            }
        });
        hostile.serve("/many-headers.xml", (socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\n".getBytes(UTF_8));
            for (int i = 0; i < 4_000_000; i++) { // the client must hang up long before
                out.write(("X-" + i + ": x\r\n").getBytes(UTF_8));
            }
        });
        subscribe(hostile.url("/endless-header.xml"), "Endless header");
        subscribe(hostile.url("/many-headers.xml"), "Many headers");

        var run = run();

        assertThat(run.status()).as(run.err()).isZero();
        assertNoStackTrace(run);
        Map<String, JsonNode> health = health();
        for (String path : List.of("/endless-header.xml", "/many-headers.xml")) {
            assertThat(health.get(hostile.url(path)).path("state").asText())
                    .as(path)
                    .isEqualTo("failing");
        }
        assertHealthyPublished(health);
    }

    @Test
    void aFeedThatWouldTakeMinutesToParseFailsAlone() throws Exception {
        hostile.serveFeed(
                "/comments.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY c \"" + "&lt;!--".repeat(250_000)
                        + "\">]><rss version=\"2.0\"><channel><title>&c;</title>"
                        + "<item><guid>c1</guid><description>&c;</description></item></channel></rss>");
        subscribe(hostile.url("/comments.xml"), "Comments");

        var run = run();

        assertThat(run.status()).as(run.err()).isZero();
        assertHealthyPublished(health());
    }

    @Test
    void aReadingListCannotPublishLocalFiles() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.xml"), rss("SECRET-7f3a"));
        hostile.serveFeed(
                "/list.opml",
                """
                <?xml version="1.0"?><opml version="2.0"><body>
                <outline text="local" xmlUrl="%s"/>
                <outline text="passwd" xmlUrl="file:///etc/passwd"/>
                </body></opml>
                """
                        .formatted(secret.toUri()));
        sections.append("\n[").append(hostile.url("/list.opml")).append("]\ncontent_type = opml\n");

        var run = run();

        assertThat(run.status()).as(run.err()).isZero();
        for (String file : List.of("index.html", "atom.xml", "rss20.xml", "health.json")) {
            assertThat(Files.readString(dir.resolve("output").resolve(file)))
                    .as(file)
                    .doesNotContain("SECRET-7f3a", "root:x:0:0");
        }
        assertThat(run.err()).doesNotContain("root:x:0:0");
        assertHealthyPublished(health());
    }

    @Test
    void scriptUrlsInFeedLinksAreNotPublished() throws Exception {
        hostile.serveFeed(
                "/links.xml",
                """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>links</title><link> javascript:alert(1)</link>
                <item><title>one</title><guid>j1</guid><link>JaVaScRiPt:alert(1)</link></item>
                <item><title>two</title><guid>j2</guid><link>&#x20;vbscript:msgbox(1)</link></item>
                <item><title>three</title><guid>j3</guid><link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link></item>
                </channel></rss>
                """);
        subscribe(hostile.url("/links.xml"), "Links");

        run();

        for (String file : List.of("index.html", "atom.xml", "rss20.xml", "rss10.xml", "feed.json")) {
            Path published = dir.resolve("output").resolve(file);
            if (Files.exists(published)) {
                assertThat(Files.readString(published).toLowerCase(Locale.ROOT).replaceAll("\\s", ""))
                        .as(file)
                        .doesNotContain("javascript:", "vbscript:", "data:text/html");
            }
        }
    }

    private void subscribe(String url, String name) {
        sections.append("\n[").append(url).append("]\nname = ").append(name).append('\n');
    }

    private CliRun run() throws IOException {
        Path config = dir.resolve("config.ini");
        Files.writeString(
                config,
                """
                [Planet]
                name = Planet Hostile
                link = https://planet.example.org/
                cache_directory = %s
                output_dir = %s
                feed_timeout = %d
                max_feed_bytes = 1048576
                """
                                .formatted(dir.resolve("cache"), dir.resolve("output"), TIMEOUT_SECONDS)
                        + sections);
        return CliRun.of("run", config.toString());
    }

    private Map<String, JsonNode> health() throws IOException {
        JsonNode report =
                new ObjectMapper().readTree(dir.resolve("output/health.json").toFile());
        Map<String, JsonNode> byUrl = new HashMap<>();
        report.path("subscriptions").forEach(row -> byUrl.put(row.path("url").asText(), row));
        return byUrl;
    }

    private void assertHealthyPublished(Map<String, JsonNode> health) throws IOException {
        Document index = Jsoup.parse(dir.resolve("output/index.html"));
        for (String name : List.of("alpha", "beta")) {
            assertThat(health.get(healthy.url("/" + name + ".xml"))
                            .path("state")
                            .asText())
                    .as(name)
                    .isEqualTo("ok");
            assertThat(index.text()).contains(name + " first post", name + " second post");
        }
    }

    private static void assertNoStackTrace(CliRun run) {
        assertThat(run.err()).doesNotContain("\tat ", "Exception", "internal error");
    }

    private static String rss(String name) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0"><channel><title>%1$s</title><link>https://%1$s.example.org/</link>
                <item><title>%1$s first post</title><guid>https://%1$s.example.org/1</guid>
                <pubDate>Tue, 19 Sep 2017 10:00:00 GMT</pubDate><description>one</description></item>
                <item><title>%1$s second post</title><guid>https://%1$s.example.org/2</guid>
                <pubDate>Mon, 18 Sep 2017 10:00:00 GMT</pubDate><description>two</description></item>
                </channel></rss>
                """
                .formatted(name);
    }
}
