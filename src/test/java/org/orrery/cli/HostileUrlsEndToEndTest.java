package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.render.ScriptLinks;

/**
 * Feeds of every format whose every URL field holds a URL that would run script, published by
 * {@code orrery run}: no published file links to one, in any spelling, and none is stored.
 */
class HostileUrlsEndToEndTest {
    /** URLs that run script when followed, as written in XML (entities and all). */
    static final List<String> XML_FORMS = List.of(
            "javascript:alert(1)",
            "   javascript:alert(2)",
            "&#x20;javascript:alert(3)",
            "JaVaScRiPt:alert(4)",
            "vbscript:msgbox(5)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==",
            "feed:javascript:alert(7)",
            "java&#x09;script:alert(8)",
            "javascript://%0Aalert(9)",
            "&#x6A;avascript:alert(10)",
            "&#x0A;javascript:alert(11)",
            "data:text/html,&lt;script&gt;alert(12)&lt;/script&gt;");

    /** The same URLs as written in JSON. */
    static final List<String> JSON_FORMS = List.of(
            "javascript:alert(1)",
            "   javascript:alert(2)",
            "\\u0020javascript:alert(3)",
            "JaVaScRiPt:alert(4)",
            "vbscript:msgbox(5)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==",
            "feed:javascript:alert(7)",
            "java\\tscript:alert(8)",
            "javascript://%0Aalert(9)",
            "\\u006Aavascript:alert(10)",
            "\\njavascript:alert(11)",
            "data:text/html,<script>alert(12)</script>");

    private static final String DATE = "Tue, 19 Sep 2017 10:00:00 GMT";
    private static final String ISO = "2017-09-19T10:00:00Z";

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, String> feeds = new LinkedHashMap<>();
    private final List<String> titles = new ArrayList<>();

    @BeforeEach
    void serveHostileFeeds() throws Exception {
        for (int k = 0; k < XML_FORMS.size(); k++) {
            feeds.put("rss20-" + k + ".xml", rss20(k, XML_FORMS.get(k)));
            feeds.put("rss10-" + k + ".rdf", rss10(k, XML_FORMS.get(k)));
            feeds.put("atom-" + k + ".atom", atom(k, XML_FORMS.get(k)));
            feeds.put("json-" + k + ".json", json(k, JSON_FORMS.get(k)));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = feeds.get(exchange.getRequestURI().getPath().substring(1));
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/xml; charset=utf-8");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    /** A title for an entry that carries hostile URLs, remembered to check that it is published. */
    private String title(String format, int k, String field) {
        String title = format + " " + k + " " + field;
        titles.add(title);
        return title;
    }

    private String rss20(int k, String bad) {
        // One channel link per feed: alternately <link> and atom:link, each read first.
        String channelLink =
                k % 2 == 0 ? "<link>" + bad + "</link>" : "<atom:link rel=\"alternate\" href=\"" + bad + "\"/>";
        var items = new StringBuilder();
        for (String[] field : new String[][] {
            {"link", "<link>" + bad + "</link>"},
            // Without a guid the link is the entry's id: each item below has an id of its own.
            {"atom link", "<atom:link rel=\"alternate\" href=\"" + bad + "\"/><guid isPermaLink=\"false\">a</guid>"},
            {"guid", "<guid isPermaLink=\"true\">" + bad + "#guid</guid>"},
            {
                "origLink",
                "<feedburner:origLink>" + bad + "</feedburner:origLink><link>https://example.org/o</link><guid>o</guid>"
            },
            {"enclosure", "<enclosure url=\"" + bad + "\" type=\"audio/mpeg\" length=\"1\"/>"},
            {"source", "<source url=\"" + bad + "\">Elsewhere</source><comments>" + bad + "</comments>"},
            {"base", "<link>post.html</link>"},
        }) {
            String base = field[0].equals("base") ? " xml:base=\"" + bad + "\"" : "";
            items.append("<item")
                    .append(base)
                    .append("><title>")
                    .append(title("rss20", k, field[0]))
                    .append("</title>")
                    .append(field[1])
                    .append("<description>&lt;p&gt;text&lt;/p&gt;</description><pubDate>")
                    .append(DATE)
                    .append("</pubDate></item>\n");
        }
        return """
                <?xml version="1.0"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"
                     xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
                <channel><title>RSS 2.0 feed %d</title>%s
                <image><url>%s</url><title>i</title><link>%s</link></image>
                <item><title>rss20 %d good</title><link>https://example.org/rss20-%d</link><pubDate>%s</pubDate></item>
                %s</channel></rss>
                """
                .formatted(k, channelLink, bad, bad, k, k, DATE, items);
    }

    private String rss10(int k, String bad) {
        var items = new StringBuilder();
        for (String[] field : new String[][] {
            {"link", "<link>" + bad + "</link>"}, {"about", ""},
        }) {
            String about = field[0].equals("about") ? bad : "https://example.org/about-" + k;
            items.append("<item rdf:about=\"")
                    .append(about)
                    .append("\"><title>")
                    .append(title("rss10", k, field[0]))
                    .append("</title>")
                    .append(field[1])
                    .append("<dc:date>")
                    .append(ISO)
                    .append("</dc:date></item>\n");
        }
        return """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel rdf:about="%s"><title>RSS 1.0 feed %d</title><link>%s</link>
                <image rdf:resource="%s"/></channel>
                <image rdf:about="%s"><url>%s</url><link>%s</link></image>
                %s</rdf:RDF>
                """
                .formatted(bad, k, bad, bad, bad, bad, bad, items);
    }

    private String atom(int k, String bad) {
        var entries = new StringBuilder();
        for (String[] field : new String[][] {
            {"link", "<link href=\"" + bad + "\"/>"},
            {"alternate", "<link rel=\"alternate\" type=\"text/html\" href=\"" + bad + "\"/>"},
            {"id", ""},
            {"enclosure", "<link rel=\"enclosure\" type=\"audio/mpeg\" href=\"" + bad + "\"/>"},
            {"author", "<author><name>A</name><uri>" + bad + "</uri></author>"},
            {"source", "<source><id>" + bad + "</id><link href=\"" + bad + "\"/><icon>" + bad + "</icon></source>"},
            {"base", "<link href=\"post.html\"/>"},
            {"content", "<content type=\"html\" src=\"" + bad + "\"/>"},
        }) {
            String id = field[0].equals("id") ? bad : "urn:atom:" + k + ":" + field[0];
            String base = field[0].equals("base") ? " xml:base=\"" + bad + "\"" : "";
            entries.append("<entry")
                    .append(base)
                    .append("><title>")
                    .append(title("atom", k, field[0]))
                    .append("</title><id>")
                    .append(id)
                    .append("</id>")
                    .append(field[1])
                    .append("<updated>")
                    .append(ISO)
                    .append("</updated></entry>\n");
        }
        return """
                <?xml version="1.0"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom feed %d</title><id>%s</id>
                <link rel="alternate" href="%s"/><link rel="self" href="%s"/>
                <icon>%s</icon><logo>%s</logo><author><name>B</name><uri>%s</uri></author>
                <updated>%s</updated>
                %s</feed>
                """
                .formatted(k, bad, bad, bad, bad, bad, bad, ISO, entries);
    }

    private String json(int k, String bad) {
        String q = "\"" + bad + "\"";
        var items = new ArrayList<String>();
        for (String[] field : new String[][] {
            {"url", "\"url\": " + q},
            {"external", "\"external_url\": " + q},
            {"id", ""},
            {"attachment", "\"attachments\": [{\"url\": " + q + ", \"mime_type\": \"audio/mpeg\"}]"},
            {"image", "\"image\": " + q + ", \"banner_image\": " + q},
            {"author", "\"authors\": [{\"name\": \"A\", \"url\": " + q + ", \"avatar\": " + q + "}]"},
        }) {
            String id = field[0].equals("id") ? bad : "json-" + k + "-" + field[0];
            items.add(
                    "{\"id\": \"%s\", \"title\": \"%s\", \"content_html\": \"<p>text</p>\", \"date_published\": \"%s\"%s}"
                            .formatted(id, title("json", k, field[0]), ISO, field[1].isEmpty() ? "" : ", " + field[1]));
        }
        return """
                {"version": "https://jsonfeed.org/version/1.1", "title": "JSON feed %d",
                 "home_page_url": %s, "feed_url": %s, "icon": %s, "favicon": %s,
                 "authors": [{"name": "B", "url": %s}],
                 "items": [%s]}
                """
                .formatted(k, q, q, q, q, q, String.join(",\n", items));
    }

    private Path config() throws Exception {
        var ini = new StringBuilder(
                """
                [Planet]
                name = Hostile
                link = https://planet.example.org/
                cache_directory = %s
                output_dir = %s
                items_per_page = 1000
                """
                        .formatted(dir.resolve("cache"), dir.resolve("output")));
        for (String path : feeds.keySet()) {
            ini.append("\n[").append(url(path)).append("]\n");
        }
        return Files.writeString(dir.resolve("config.ini"), ini);
    }

    @Test
    void noPublishedFileLinksToScriptWhateverFieldAFeedPutsItIn() throws Exception {
        var run = CliRun.of("run", config().toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains(feeds.size() + " feeds: " + feeds.size() + " ok");
        Path output = dir.resolve("output");
        for (String file :
                List.of("index.html", "atom.xml", "rss20.xml", "rss10.xml", "feed.json", "opml.xml", "foafroll.xml")) {
            assertThat(output.resolve(file)).exists();
        }
        assertThat(ScriptLinks.in(output)).isEmpty();
        // The entries are published all the same, only without the links.
        String index = Jsoup.parse(output.resolve("index.html")).text();
        assertThat(titles).allSatisfy(title -> assertThat(index).contains(title));
        assertThat(Jsoup.parse(output.resolve("index.html")).select("a[href=https://example.org/rss20-0]"))
                .isNotEmpty();
    }

    @Test
    void noLinkToScriptIsStored() throws Exception {
        CliRun.of("fetch", config().toString());

        var stored = new ArrayList<String>();
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache/orrery.db"));
                var links = db.createStatement()
                        .executeQuery("SELECT link FROM entry UNION ALL SELECT site_url FROM subscription")) {
            while (links.next()) {
                if (links.getString(1) != null) {
                    stored.add(links.getString(1));
                }
            }
        }
        assertThat(stored).isNotEmpty().noneMatch(ScriptLinks::isScript);
    }
}
