package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Post;
import org.orrery.model.River;

/**
 * Venus's Django theme ({@code themes/django}) and its Django test cases ({@code
 * tests/data/filter/django}), rendered through Pebble; Genshi themes refused by name.
 */
class DjangoThemeTest {
    private static final Instant NOW = Instant.parse("2017-09-20T06:00:00Z");

    @TempDir
    Path dir;

    private static Site site(String name, Map<String, String> options) {
        return new Site(
                name,
                "https://planet.example.org/",
                "Owner",
                "owner@example.org",
                "Orrery test",
                new Strftime("%B %d, %Y %I:%M %p"),
                new Strftime("%B %d, %Y"),
                ZoneOffset.UTC,
                "utf-8",
                Optional.empty(),
                Optional.empty(),
                options);
    }

    private static Channel channel(String url, String name, Optional<String> author) {
        return new Channel(
                URI.create(url),
                name,
                Optional.of(URI.create(url.replace("/feed", "/"))),
                Optional.of(NOW),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                new FeedInfo(
                        Optional.of(name),
                        Optional.empty(),
                        Optional.of(url),
                        Optional.empty(),
                        author,
                        Optional.empty(),
                        Optional.empty()));
    }

    private static Post post(Channel channel, String key, String title, String body, String at) {
        var entry = new Entry(
                key,
                title,
                Optional.of(URI.create(key)),
                Optional.empty(),
                Optional.of(Instant.parse(at)),
                Optional.empty(),
                body,
                Optional.empty(),
                List.of(),
                List.of());
        return new Post(entry, channel, Instant.parse(at));
    }

    private void copy(String resourceDirectory, String file) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/render/" + resourceDirectory + "/" + file)) {
            Files.write(dir.resolve(file), in.readAllBytes());
        }
    }

    private String render(Site site, River river, String template) {
        var theme = Theme.load(List.of(template), List.of(dir), List.of());
        assertThat(theme.warnings()).isEmpty();
        return new String(
                new SiteRenderer(site, theme).render(river, NOW).get(Theme.outputName(template)),
                StandardCharsets.UTF_8);
    }

    /** Venus's {@code test_django_config_context}: the [Planet] options are {@code Config}. */
    @Test
    void theConfigIsConfig() throws Exception {
        copy("venus-django", "config.html.dj");
        var site = site("Django on Venus", Map.of("name", "Django on Venus"));

        assertThat(render(site, new River(List.of(), List.of()), "config.html.dj"))
                .isEqualTo("Django on Venus\n");
    }

    /**
     * Venus's {@code test_django_entry_title} and {@code ..._autoescape_off}: a title is HTML,
     * escaped again when {@code django_autoescape} is on (Venus's default), written as it is
     * when off. (Venus's case has a title with markup, which Orrery keeps as text: here a title
     * with an ampersand shows the same rule.)
     */
    @Test
    void titlesAreHtmlEscapedAgainUnlessAutoescapeIsOff() throws Exception {
        copy("venus-django", "title.html.dj");
        var feed = channel("https://a.example/feed", "A", Optional.empty());
        var river = new River(
                List.of(post(feed, "https://a.example/1", "¡Atom-Powered Robots & Co!", "", "2017-09-19T10:00:00Z")),
                List.of(feed));

        assertThat(render(site("P", Map.of()), river, "title.html.dj"))
                .isEqualTo("¡Atom-Powered Robots &amp;amp; Co!\n");
        assertThat(render(site("P", Map.of("django_autoescape", "off")), river, "title.html.dj"))
                .isEqualTo("¡Atom-Powered Robots &amp; Co!\n");
    }

    /**
     * Venus's Django theme renders a planet as its template lays it out: the planet's name, a
     * list of the feeds with their authors, a heading each time the feed changes ({@code
     * ifchanged}), an entry per post with its title, body, author and permalink; and what feeds
     * say is shown as text, never as markup, with autoescape on or off.
     */
    @Test
    void venusDjangoThemeRendersThePlanetAsItsTemplateLaysItOut() throws Exception {
        copy("venus-django", "index.html.dj");
        var a = channel("https://a.example/feed", "Alpha <script>alert(1)</script>", Optional.of("Ann & co"));
        var b = channel("https://b.example/feed", "Beta", Optional.empty());
        var river = new River(
                List.of(
                        post(
                                a,
                                "https://a.example/2",
                                "Two < three",
                                "<p>second <em>post</em></p>",
                                "2017-09-19T12:00:00Z"),
                        post(a, "https://a.example/1", "One", "<p>first</p>", "2017-09-19T11:00:00Z"),
                        post(
                                b,
                                "https://b.example/1",
                                "Bee",
                                "<p>bee</p><script>x()</script>",
                                "2017-09-19T10:00:00Z")),
                List.of(a, b));

        for (String autoescape : List.of("on", "off")) {
            Document page = Jsoup.parse(render(
                    site("Planet <b>Django</b>", Map.of("django_autoescape", autoescape)), river, "index.html.dj"));

            assertThat(page.select("script")).isEmpty();
            assertThat(page.select("b")).isEmpty();
            assertThat(page.select("h1").text()).isEqualTo("Planet <b>Django</b>");
            assertThat(page.select("#channels li").eachText())
                    .containsExactly("Alpha <script>alert(1)</script> by Ann & co", "Beta by");
            // ifchanged: one heading per run of the same feed.
            assertThat(page.select("h3").eachText()).containsExactly("Alpha <script>alert(1)</script>", "Beta");
            assertThat(page.select("div.entry h4").eachText()).containsExactly("Two < three", "One", "Bee");
            assertThat(page.select("div.entry p em").eachText()).containsExactly("post");
            assertThat(page.select("p.entry-tools a").eachAttr("href"))
                    .containsExactly("https://a.example/2", "https://a.example/1", "https://b.example/1");
            // channel_author: the feed's author, else (no author anywhere) the feed's name, as Venus.
            assertThat(page.select("p.entry-tools").eachText())
                    .allSatisfy(tools -> assertThat(tools).contains("September 19, 2017"))
                    .anySatisfy(tools -> assertThat(tools).startsWith("by Ann & co on"))
                    .anySatisfy(tools -> assertThat(tools).startsWith("by Beta on"));
        }
    }

    @Test
    void aDjangoTagPebbleLacksIsAWarningNamingTheFileAndTheDefaultIsPublished() throws Exception {
        Files.writeString(dir.resolve("index.html.dj"), "{% load humanize %}\n<h1>{{ name }}</h1>\n");

        var theme = Theme.load(List.of("index.html.dj"), List.of(dir), List.of());

        assertThat(theme.warnings())
                .singleElement()
                .asString()
                .contains(dir.resolve("index.html.dj").toString(), "cannot be used", "default index.html is published")
                .doesNotContain("<h1>");
        String page = new String(
                new SiteRenderer(site("P", Map.of()), theme)
                        .render(new River(List.of(), List.of()), NOW)
                        .get("index.html"),
                StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("load humanize");
    }

    /** Venus gave Django its dates as datetimes: Django's date filter formats them. */
    @Test
    void datesTakeDjangosDateFilter() throws Exception {
        Files.writeString(
                dir.resolve("dates.html.dj"),
                "{{ date }}|{{ date|date }}|{% for item in Items %}{{ item.date|date:\"D jS M Y, P\" }}|"
                        + "{{ item.published|date:\"\\Y\\e\\a\\r: Y, H:i O\" }}|{{ item.title|date:\"Y\" }}{% endfor %}");
        var feed = channel("https://a.example/feed", "A", Optional.empty());
        var river =
                new River(List.of(post(feed, "https://a.example/1", "One", "", "2004-02-29T12:00:00Z")), List.of(feed));

        assertThat(render(site("P", Map.of()), river, "dates.html.dj"))
                .isEqualTo(
                        "September 20, 2017 06:00 AM|Sept. 20, 2017|Sun 29th Feb 2004, noon|Year: 2004, 12:00 +0000|");
    }

    @Test
    void genshiThemesAreRefusedNamingTheFile() throws Exception {
        copy("venus-genshi", "index.html.genshi");

        var theme = Theme.load(List.of("index.html.genshi"), List.of(dir), List.of());

        assertThat(theme.warnings())
                .singleElement()
                .asString()
                .contains(dir.resolve("index.html.genshi").toString())
                .contains("Genshi")
                .contains("default index.html is published");
        assertThat(Theme.refused("index.html.genshi")).isPresent();
        assertThat(Theme.refused("index.html.dj")).isEmpty();
        assertThat(Theme.refused("index.html.tmpl")).isEmpty();
    }

    @Test
    void djangoWordsPebbleSpellsOtherwiseAreTranslated() {
        assertThat(DjangoTemplate.pebbleSyntax("{{ d|date:\"Y\" }}{% for x in l %}{{ forloop.counter }}{% empty %}"
                        + "none{% endfor %}{% comment %}gone{% endcomment %}"))
                .isEqualTo("{{ d|date(\"Y\") }}{% for x in l %}{{ (loop.index + 1) }}{% else %}none{% endfor %}");
    }
}
