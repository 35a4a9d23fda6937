package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.Post;
import org.orrery.model.River;
import org.orrery.render.htmltmpl.HtmlTemplate;

/** A theme in the layout of Planet 2.0's classic templates, rendered from Orrery's model. */
class ClassicThemeTest {
    private static final Channel MOSHE = new Channel(
            URI.create("https://moshe.example.org/feed.atom"),
            "Moshe Zadka",
            Optional.of(URI.create("https://moshe.example.org/")),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of());
    private static final Channel GLYPH = new Channel(
            URI.create("https://glyph.example.net/rss"),
            "Glyph Lefkowitz",
            Optional.of(URI.create("https://glyph.example.net/")),
            Optional.empty(),
            Optional.of("HTTP 404 Not Found"),
            Optional.of("404: not found"),
            Map.of());

    private static Post post(Channel channel, String title, String when, Optional<String> author) {
        return new Post(
                new Entry(
                        title,
                        title,
                        Optional.of(URI.create("https://example.org/" + title.length())),
                        author,
                        Optional.of(Instant.parse(when)),
                        Optional.empty(),
                        "<p>About " + title + "</p>",
                        Optional.empty(),
                        List.of(),
                        List.of()),
                channel,
                Instant.parse(when));
    }

    private final Map<String, Object> model = new TemplateModel(new Site(
                    "Planet Twisted",
                    "https://planet.example.org/",
                    "Twisted Team",
                    "planet@example.org",
                    "Orrery test",
                    new Strftime("%d %b %Y %-I:%M%P GMT"),
                    new Strftime("%d %b %Y"),
                    ZoneOffset.UTC,
                    "utf-8",
                    Optional.empty(),
                    Optional.empty(),
                    Map.of()))
            .of(
                    new River(
                            List.of(
                                    post(MOSHE, "Announcing NColony 17.9.0", "2017-09-19T22:00:00Z", Optional.empty()),
                                    post(MOSHE, "Second & last", "2017-09-19T10:00:00Z", Optional.of("Moshe")),
                                    post(GLYPH, "Tabs", "2017-09-18T23:59:00Z", Optional.empty())),
                            List.of(GLYPH, MOSHE)),
                    Instant.parse("2017-09-20T06:00:00Z"));

    private static String resource(String name) {
        try (InputStream in = ClassicThemeTest.class.getResourceAsStream("/render/htmltmpl/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document index() throws Exception {
        var template = HtmlTemplate.compile(
                "index.html.tmpl", resource("index.html.tmpl"), name -> Optional.of(resource(name)));
        return Jsoup.parse(template.render(VenusForms.of(model)));
    }

    @Test
    void daysAndChannelsAreHeadedWhereTheyChange() throws Exception {
        var index = index();
        assertThat(index.select("h2.date").eachText()).containsExactly("19 Sep 2017", "18 Sep 2017");
        assertThat(index.select("h3.channel").eachText()).containsExactly("Moshe Zadka", "Glyph Lefkowitz");
        assertThat(index.select("h4.title").eachText())
                .containsExactly("Announcing NColony 17.9.0", "Second & last", "Tabs");
    }

    @Test
    void entriesShowContentTimeAndAuthor() throws Exception {
        var index = index();
        assertThat(index.select("div.content").first().html()).isEqualTo("<p>About Announcing NColony 17.9.0</p>");
        assertThat(index.select("p.date").eachText())
                .containsExactly(
                        "19 Sep 2017 10:00pm GMT", "by Moshe at 19 Sep 2017 10:00am GMT", "18 Sep 2017 11:59pm GMT");
    }

    @Test
    void subscriptionsListCarriesMessagesAndIncludesWork() throws Exception {
        var index = index();
        assertThat(index.select(".sidebar li a.message").attr("title")).isEqualTo("404: not found");
        assertThat(index.select("link[rel=alternate]").attr("href")).isEqualTo("https://planet.example.org/atom.xml");
        assertThat(index.select(".sidebar a[href^=mailto]").text()).isEqualTo("Twisted Team");
        assertThat(index.html()).doesNotContain("###", "TMPL_");
    }

    @Test
    void rssTemplateEscapesTitlesAndContent() throws Exception {
        var rss = HtmlTemplate.compile("rss20.xml.tmpl", resource("rss20.xml.tmpl"), name -> Optional.empty())
                .render(VenusForms.of(model));
        var doc = Jsoup.parse(rss, "", org.jsoup.parser.Parser.xmlParser());
        assertThat(doc.select("item > title").eachText())
                .containsExactly(
                        "Moshe Zadka: Announcing NColony 17.9.0",
                        "Moshe Zadka: Second & last",
                        "Glyph Lefkowitz: Tabs");
        assertThat(doc.select("item > description").first().text()).isEqualTo("<p>About Announcing NColony 17.9.0</p>");
        assertThat(doc.select("item > pubDate").first().text()).isEqualTo("Tue, 19 Sep 2017 22:00:00 +0000");
    }
}
