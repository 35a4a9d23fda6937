package org.orrery.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.Planet;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.Fetcher;
import org.orrery.fetch.NoFetching;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;
import org.orrery.sanitize.SafetyCheck;
import org.orrery.sanitize.XssVectors;
import org.orrery.store.JdbcStore;
import org.orrery.store.Refresh;

/**
 * The store keeps bodies as feeds gave them; every output must show them sanitised. Each body
 * of the XSS corpus, as an entry's content and in its summary, is published through the default
 * theme (pages, archives, {@code atom.xml}, {@code rss20.xml}, {@code rss10.xml}, {@code
 * feed.json}) and through Venus's htmltmpl, XSLT and Django themes. Every file must break no more safety
 * rules than the same site with harmless bodies (the themes' own scripts and relative links are
 * in both).
 */
class HostileBodiesPublishTest {
    private static final URI FEED = URI.create("https://blog.example.org/feed.xml");
    private static final Instant NOW = Instant.parse("2024-06-30T12:00:00Z");
    private static final List<String> VECTORS =
            XssVectors.all().stream().map(XssVectors.Vector::html).toList();

    @TempDir
    Path dir;

    static final Fetcher NO_FETCHING = NoFetching.FETCHER;

    @Test
    void noOutputOfTheDefaultThemeShowsARawBody() throws Exception {
        Path hostile = publish("hostile", "", i -> VECTORS.get(i));
        Path harmless = publish("harmless", "", i -> "<p>harmless</p>");

        List<String> files = files(hostile);
        assertThat(files)
                .contains(
                        "index.html",
                        "page/2/index.html",
                        "atom.xml",
                        "rss20.xml",
                        "rss10.xml",
                        "feed.json",
                        "archive/index.html");
        for (String file : files) {
            assertThat(violations(hostile.resolve(file))).as(file).isEqualTo(violations(harmless.resolve(file)));
        }
    }

    @Test
    void noOutputOfVenusThemesShowsARawBody() throws Exception {
        Path theme = Files.createDirectories(dir.resolve("theme"));
        for (String name : List.of("index.html.tmpl", "rss20.xml.tmpl", "rss10.xml.tmpl")) {
            copy("/render/legacy/venus/" + name, theme.resolve(name));
        }
        copy("/render/legacy/venus-xslt/asf.html.xslt", theme.resolve("asf.html.xslt"));
        copy("/render/venus-django/index.html.dj", theme.resolve("django.html.dj"));
        String options = "template_files = index.html.tmpl rss20.xml.tmpl rss10.xml.tmpl asf.html.xslt django.html.dj\n"
                + "template_directories = " + theme + "\n";
        Path hostile = publish("hostile", options, i -> VECTORS.get(i));
        Path harmless = publish("harmless", options, i -> "<p>harmless</p>");

        assertThat(files(hostile)).contains("index.html", "asf.html", "django.html", "rss20.xml", "rss10.xml");
        for (String file : files(hostile)) {
            assertThat(violations(hostile.resolve(file))).as(file).isEqualTo(violations(harmless.resolve(file)));
        }
    }

    /** Publishes one entry per vector (its content, and in a summary beside it) from raw rows in the store. */
    private Path publish(String name, String options, IntFunction<String> body) throws Exception {
        Path planet = Files.createDirectories(dir.resolve(name));
        Path config = Files.writeString(
                planet.resolve("config.ini"),
                "[Planet]\nname = Planet Test\nitems_per_page = 200\n" + options + "\n[" + FEED + "]\nname = A\n");
        PlanetConfig loaded = ConfigLoader.load(List.of(config), planet);
        try (var store = JdbcStore.openSqlite(loaded.databaseFile())) {
            var entries = new ArrayList<Entry>();
            for (int i = 0; i < VECTORS.size(); i++) {
                entries.add(new Entry(
                        "e" + i,
                        "Entry " + i,
                        Optional.of(URI.create("https://blog.example.org/" + i)),
                        Optional.empty(),
                        Optional.of(NOW.minusSeconds(3_600L * i)),
                        Optional.empty(),
                        body.apply(i),
                        Optional.of("<p>In short:</p>" + body.apply(i)),
                        List.of(),
                        List.of(),
                        Optional.of(URI.create("https://blog.example.org/2024/"))));
            }
            store.save(new Refresh.Fetched(FEED, NOW, Validators.NONE, OptionalInt.of(200), FeedInfo.UNKNOWN, entries));
            new Planet(loaded, NO_FETCHING, store, InstantSource.fixed(NOW)).publish();
        }
        return planet.resolve("output");
    }

    private static List<String> files(Path output) throws IOException {
        try (Stream<Path> all = Files.walk(output)) {
            return all.filter(Files::isRegularFile)
                    .map(p -> output.relativize(p).toString())
                    .filter(p -> p.endsWith(".html") || p.endsWith(".xml") || p.endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }

    /** Each rule broken, with how often: in the page, in each XML element's text, in each JSON string. */
    private static TreeMap<String, Integer> violations(Path file) throws IOException {
        var found = new TreeMap<String, Integer>();
        for (String html : htmlIn(file)) {
            for (String problem : SafetyCheck.violations(html)) {
                found.merge(problem, 1, Integer::sum);
            }
        }
        return found;
    }

    /**
     * The HTML a reader's browser or feed reader could run: the page; every element's text and
     * markup in an XML feed; every HTML field of a JSON Feed.
     */
    private static List<String> htmlIn(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        var html = new ArrayList<String>();
        if (file.toString().endsWith(".json")) {
            try (var parser = new JsonFactory().createParser(text)) {
                for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                    // JSON Feed: content_html is HTML; summary and content_text are plain text.
                    if (t == JsonToken.VALUE_STRING && parser.currentName().endsWith("_html")) {
                        html.add(parser.getText());
                    }
                }
            }
        } else if (file.toString().endsWith(".xml")) {
            Document xml = Jsoup.parse(text, "", Parser.xmlParser());
            html.add(xml.outerHtml());
            for (Element element : xml.getAllElements()) {
                if (!element.wholeOwnText().isBlank()) {
                    html.add(element.wholeOwnText());
                }
            }
        } else {
            html.add(text);
        }
        return html;
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = HostileBodiesPublishTest.class.getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
    }
}
