package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.Post;
import org.orrery.model.River;
import org.w3c.dom.NodeList;

/**
 * Venus's and Planet 2.0's own themes write titles, names and authors without {@code ESCAPE}:
 * feeds that put markup in them must still publish no markup of theirs.
 */
class LegacyThemeEscapingTest {
    private static final String TITLE = "1 < 2 & </a><script>alert('title')</script><img src=x onerror=alert(1)>";
    private static final String NAME = "<script>alert('name')</script>Feed & co";
    private static final String AUTHOR = "\"><script>alert('author')</script>";
    private static final String PLANET = "Planet <b onmouseover=alert(2)>Bold</b> & <Python>";

    @TempDir
    Path dir;

    static Stream<Arguments> themes() {
        return Stream.of(
                Arguments.of("venus", "index.html.tmpl"),
                Arguments.of("venus", "rss20.xml.tmpl"),
                Arguments.of("venus", "rss10.xml.tmpl"),
                Arguments.of("planet2", "index.html.tmpl"),
                Arguments.of("planet2", "rss20.xml.tmpl"),
                Arguments.of("planet2", "rss10.xml.tmpl"));
    }

    private String render(String themeDirectory, String template) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/render/legacy/" + themeDirectory + "/" + template)) {
            Files.write(dir.resolve(template), in.readAllBytes());
        }
        var site = new Site(
                PLANET,
                "https://planet.example.org/",
                "Owner <script>",
                "owner@example.org",
                "Orrery test",
                new Strftime("%B %d, %Y %I:%M %p"),
                new Strftime("%B %d, %Y"),
                ZoneOffset.UTC,
                "utf-8",
                Optional.empty(),
                Optional.empty(),
                Map.of());
        var channel = new Channel(
                URI.create("https://feed.example/rss"),
                NAME,
                Optional.of(URI.create("https://feed.example/")),
                Optional.of(Instant.parse("2017-09-20T05:00:00Z")),
                Optional.empty(),
                Optional.empty(),
                Map.of());
        var entry = new Entry(
                "https://feed.example/1",
                TITLE,
                Optional.of(URI.create("https://feed.example/1")),
                Optional.of(AUTHOR),
                Optional.of(Instant.parse("2017-09-19T22:00:00Z")),
                Optional.empty(),
                "<p>Body &amp; <em>markup</em></p>",
                Optional.empty(),
                List.of(),
                List.of());
        var river =
                new River(List.of(new Post(entry, channel, Instant.parse("2017-09-19T22:00:00Z"))), List.of(channel));
        var theme = Theme.load(List.of(template), List.of(dir), List.of());
        assertThat(theme.warnings()).isEmpty();
        String output = Theme.outputName(template);
        return new String(
                new SiteRenderer(site, theme)
                        .render(river, Instant.parse("2017-09-20T06:00:00Z"))
                        .get(output),
                StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("themes")
    void hostileTitlesNamesAndAuthorsPublishNoMarkup(String theme, String template) throws Exception {
        String published = render(theme, template);

        if (template.startsWith("index.html")) {
            Document page = Jsoup.parse(published);
            assertThat(page.select("script")).isEmpty();
            assertThat(page.select("b, img[src=x], Python")).isEmpty();
            assertThat(page.getAllElements().stream()
                            .flatMap(e -> e.attributes().asList().stream())
                            .filter(a -> a.getKey().toLowerCase().startsWith("on")))
                    .isEmpty();
            // What the feeds said is shown as text, where the theme shows it.
            assertThat(page.body().text()).contains(TITLE, NAME, PLANET);
            assertThat(page.select("p em").eachText()).contains("markup");
        } else {
            // Well-formed XML whose text is what the feeds said: markup of theirs stays text.
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var xml = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(published.getBytes(StandardCharsets.UTF_8)));
            assertThat(xml.getElementsByTagNameNS("*", "script").getLength()).isZero();
            assertThat(texts(xml.getElementsByTagNameNS("*", "title")))
                    .anySatisfy(title -> assertThat(title).contains(NAME).contains("1 < 2 & </a><script>"));
        }
    }

    private static List<String> texts(NodeList nodes) {
        var texts = new ArrayList<String>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
