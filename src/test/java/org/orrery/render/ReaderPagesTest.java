package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.Post;

/** The reader pages as rendered: valid HTML, faces, and a search index that is compact and bounded. */
class ReaderPagesTest {
    private static final Instant NOW = Instant.parse("2017-09-20T06:00:00Z");
    private static final Channel ADA = new Channel(
            URI.create("https://ada.example.org/feed.atom"),
            "Ada Quill",
            Optional.of(URI.create("https://ada.example.org/")),
            Optional.of(NOW),
            Optional.empty(),
            Optional.empty(),
            Map.of("face", "https://ada.example.org/ada.png"));
    private static final Channel NO_FACE = new Channel(
            URI.create("https://bruno.example.org/rss"),
            "bruno lattice",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("HTTP 404 Not Found"),
            Map.of());

    private final SiteRenderer renderer = new SiteRenderer(new Site(
            "Planet Test",
            "https://planet.example.org/",
            "Owner",
            "owner@example.org",
            "Orrery test",
            new Strftime("%d %b %Y %-I:%M%P GMT"),
            new Strftime("%d %b %Y"),
            ZoneOffset.UTC,
            "utf-8",
            Optional.empty(),
            Optional.empty(),
            Map.of()));

    private final ReaderPages pages = renderer.readerPages().orElseThrow();

    private static Post post(Channel channel, String key, String author, String body, String... tags) {
        var entry = new Entry(
                key,
                "Title " + key,
                Optional.of(URI.create("https://example.org/" + key)),
                Optional.ofNullable(author),
                Optional.of(NOW),
                Optional.empty(),
                body,
                Optional.empty(),
                List.of(tags),
                List.of());
        return new Post(entry, channel, NOW);
    }

    @Test
    void everyPageTypeIsValidHtml() throws Exception {
        var posts = List.of(post(ADA, "a1", "Ada", "", "Python"), post(NO_FACE, "b1", null, "", "Python"));
        var rendered = Map.of(
                "feed", pages.feed(ADA, posts.subList(0, 1), NOW),
                "empty feed", pages.feed(NO_FACE, List.of(), NOW),
                "tag", pages.tag("Python", posts, 2, NOW),
                "people", pages.people(List.of(ADA, NO_FACE), NOW),
                "search", pages.search(NOW));
        for (var page : rendered.entrySet()) {
            assertThat(HtmlValidity.errors(page.getValue())).as(page.getKey()).isEmpty();
        }
    }

    @Test
    void theReaderPagesSpeakThePlanetsLanguage() {
        var german = new SiteRenderer(new Site(
                        "Planet Test",
                        "https://planet.example.org/",
                        "Owner",
                        "owner@example.org",
                        "Orrery test",
                        new Strftime("%d %b %Y", java.util.Locale.GERMANY),
                        new Strftime("%d %b %Y", java.util.Locale.GERMANY),
                        ZoneOffset.UTC,
                        "utf-8",
                        Optional.empty(),
                        Optional.empty(),
                        Map.of()))
                .readerPages()
                .orElseThrow();

        var people = Jsoup.parse(new String(german.people(List.of(ADA), NOW), StandardCharsets.UTF_8));
        var search = Jsoup.parse(new String(german.search(NOW), StandardCharsets.UTF_8));
        var english = Jsoup.parse(new String(pages.people(List.of(ADA), NOW), StandardCharsets.UTF_8));

        assertThat(people.select("html").attr("lang")).isEqualTo("de");
        assertThat(people.select("h1, h2").eachText()).contains("Personen");
        assertThat(people.select("a.site-link").text()).isEqualTo("Website");
        assertThat(search.select("input").attr("placeholder")).isEqualTo("Wort oder Autor");
        assertThat(english.select("h1, h2").eachText()).contains("People");
        assertThat(english.select("a.site-link").text()).isEqualTo("Site");
    }

    @Test
    void aFaceIsTheFeedsImageElseInitialsInAColouredCircle() {
        var people = Jsoup.parse(new String(pages.people(List.of(ADA, NO_FACE), NOW), StandardCharsets.UTF_8));
        assertThat(people.select("li img.avatar").attr("src")).isEqualTo("https://ada.example.org/ada.png");
        var initials = people.select("li .avatar.initials");
        assertThat(initials.text()).isEqualTo("BL");
        assertThat(initials.attr("style")).matches("--hue: \\d{1,3}");
        assertThat(people.select("img[src^=http]:not(.avatar), script, link[href^=http]"))
                .as("nothing else is fetched from elsewhere")
                .isEmpty();
        assertThat(people.select("li a.p-name").eachAttr("href"))
                .containsExactly(
                        "../" + ReaderPages.feedPath(ADA.feedUri()), "../" + ReaderPages.feedPath(NO_FACE.feedUri()));
    }

    @Test
    void aFeedsIconIsItsFaceUnlessTheConfigGivesOne() {
        var credits = new org.orrery.model.FeedCredits(
                Optional.of(URI.create("https://carol.example.org/icon.png")),
                Optional.of(URI.create("https://carol.example.org/logo.png")),
                Optional.empty(),
                Optional.empty());
        var feed = new org.orrery.model.FeedInfo(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                credits);
        var carol = new Channel(
                URI.create("https://carol.example.org/feed"),
                "Carol",
                Optional.empty(),
                Optional.of(NOW),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                feed);
        var chosen = new Channel(
                URI.create("https://dee.example.org/feed"),
                "Dee",
                Optional.empty(),
                Optional.of(NOW),
                Optional.empty(),
                Optional.empty(),
                Map.of("face", "https://dee.example.org/me.jpg"),
                feed);

        var people = Jsoup.parse(new String(pages.people(List.of(carol, chosen), NOW), StandardCharsets.UTF_8));

        assertThat(people.select("li img.avatar").eachAttr("src"))
                .containsExactly("https://carol.example.org/icon.png", "https://dee.example.org/me.jpg");
    }

    @Test
    void pagesShowNoPublishingTimeSoTheyChangeOnlyWithWhatTheyList() {
        var posts = List.of(post(ADA, "a1", "Ada", ""));
        assertThat(pages.feed(ADA, posts, NOW)).isEqualTo(pages.feed(ADA, posts, NOW.plusSeconds(3600)));
        assertThat(pages.people(List.of(ADA), NOW)).isEqualTo(pages.people(List.of(ADA), NOW.plusSeconds(60)));
        assertThat(pages.digest(ADA))
                .as("a new fetch time is not a change")
                .isEqualTo(pages.digest(new Channel(
                        ADA.feedUri(),
                        ADA.name(),
                        ADA.siteLink(),
                        Optional.of(NOW.plusSeconds(60)),
                        Optional.empty(),
                        Optional.empty(),
                        ADA.options())));
        assertThat(pages.digest(ADA))
                .isNotEqualTo(pages.digest(new Channel(
                        ADA.feedUri(),
                        "Ada Quill-Lovelace",
                        ADA.siteLink(),
                        Optional.of(NOW),
                        Optional.empty(),
                        Optional.empty(),
                        ADA.options())));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSearchIndexFindsPostsByBodyWordTitleAndAuthor() throws Exception {
        var posts = List.of(
                post(ADA, "a1", "Ada Quill", "<p>Sextant adds <code>--dry-run</code> &amp; caf&eacute;s.</p>"),
                post(NO_FACE, "b1", "Robert Paulson", "<p>Nothing about that here.</p>"));
        Map<String, Object> index = index(pages.searchIndex(posts));
        assertThat((List<Object>) list(index, "entries").get(0))
                .containsExactly(0, "Title a1", "https://example.org/a1", "Ada Quill", "2017-09-20");
        assertThat((List<Object>) list(index, "entries").get(1)).element(3).isEqualTo("Robert Paulson");
        assertThat((List<Object>) list(index, "feeds").get(1))
                .containsExactly("bruno lattice", ReaderPages.feedPath(NO_FACE.feedUri()));
        assertThat(words(index))
                .containsEntry("sextant", "0")
                .containsEntry("cafés", "0")
                .containsEntry("dry", "0")
                .as("titles are indexed too")
                .containsEntry("title", "0,1")
                .as("markup is not text")
                .doesNotContainKey("code");
    }

    @Test
    void theSearchIndexIsBounded() throws Exception {
        var posts = new ArrayList<Post>();
        var body = new StringBuilder("<p>");
        for (int w = 0; w < 1_000; w++) {
            body.append("word").append(w).append(' ');
        }
        for (int i = 0; i < SearchIndex.MAX_ENTRIES + 500; i++) {
            posts.add(post(ADA, "e" + i, "Ada", body + "unique" + i + "</p>"));
        }
        Map<String, Object> index = index(pages.searchIndex(posts));
        assertThat(list(index, "entries")).hasSize(SearchIndex.MAX_ENTRIES);
        assertThat(list(index, "common"))
                .as("words in most posts carry no list")
                .contains("word0", "word200");
        assertThat(words(index))
                .doesNotContainKey("word0")
                .as("past a post's first words")
                .doesNotContainKey("word998")
                .doesNotContainKey("unique1");
    }

    @Test
    void theSearchIndexIsAsciiAndNeverMarkup() {
        var hostile = new Channel(
                URI.create("https://evil.example/feed"),
                "</script><script>alert(1)</script> Zoë",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of());
        byte[] index = pages.searchIndex(List.of(post(hostile, "x", "<b>Zoë</b>", "<p>naïve</p>")));
        String text = new String(index, StandardCharsets.UTF_8);
        assertThat(text).startsWith("orrerySearchIndex = {").doesNotContain("<", ">", "&");
        assertThat(text.chars()).allMatch(c -> c < 128);
    }

    /** The index's object: its {@code entries}, {@code feeds}, {@code common} and {@code words}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> index(byte[] script) throws Exception {
        String text = new String(script, StandardCharsets.UTF_8);
        assertThat(text).startsWith("orrerySearchIndex = ").endsWith(";\n");
        try (JsonParser json =
                new JsonFactory().createParser(text.substring("orrerySearchIndex = ".length(), text.length() - 2))) {
            json.nextToken();
            return (Map<String, Object>) value(json);
        }
    }

    private static Object value(JsonParser json) throws Exception {
        return switch (json.currentToken()) {
            case START_OBJECT -> {
                var map = new LinkedHashMap<String, Object>();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    json.nextToken();
                    map.put(name, value(json));
                }
                yield map;
            }
            case START_ARRAY -> {
                var list = new ArrayList<Object>();
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(json));
                }
                yield list;
            }
            case VALUE_STRING -> json.getText();
            default -> json.getNumberValue();
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> index, String key) {
        return (List<Object>) index.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> words(Map<String, Object> index) {
        return (Map<String, Object>) index.get("words");
    }
}
