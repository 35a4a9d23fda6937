package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.Post;
import org.orrery.model.River;
import org.w3c.dom.Element;

/** Every published file, read back by readers other than ours (ROME, the JDK's XML parser, Jackson). */
class SiteRendererTest {
    private static final Instant NOW = Instant.parse("2017-09-20T06:00:00Z");
    private static final Channel MOSHE = new Channel(
            URI.create("https://moshe.example.org/feed.atom"),
            "Moshe Zadka",
            Optional.of(URI.create("https://moshe.example.org/")),
            Optional.of(NOW),
            Optional.empty(),
            Optional.empty(),
            Map.of("face", "moshe.png"));
    private static final Channel GLYPH = new Channel(
            URI.create("https://glyph.example.net/rss"),
            "Glyph Lefkowitz",
            Optional.empty(),
            Optional.empty(),
            Optional.of("HTTP 404 Not Found"),
            Optional.of("404: not found"),
            Map.of());

    private final SiteRenderer renderer = new SiteRenderer(new Site(
            "Planet Twisted",
            "https://planet.example.org/",
            "The Twisted Team",
            "planet@example.org",
            "Orrery test",
            new Strftime("%d %b %Y %-I:%M%P GMT"),
            new Strftime("%d %b %Y"),
            ZoneOffset.UTC,
            "utf-8",
            Optional.empty(),
            Optional.empty(),
            Map.of()));

    private static Post post(Channel channel, String key, String title, String instant, String html) {
        var entry = new Entry(
                key,
                title,
                Optional.of(URI.create("https://example.org/" + key.hashCode())),
                Optional.empty(),
                Optional.of(Instant.parse(instant)),
                Optional.empty(),
                html,
                Optional.empty(),
                List.of("python"),
                List.of());
        return new Post(entry, channel, Instant.parse(instant));
    }

    private final River river = new River(
            List.of(
                    post(
                            MOSHE,
                            "tag:moshe,2017:1",
                            "Announcing NColony 17.9.0",
                            "2017-09-19T22:00:00Z",
                            "<p>Out now.</p>"),
                    post(
                            GLYPH,
                            "1234",
                            "Tabs & spaces \u0001",
                            "2017-09-18T23:59:00Z",
                            "<p>On <b>indent</b>\u000B.</p>")),
            List.of(GLYPH, MOSHE));

    private Map<String, byte[]> files() {
        return renderer.render(river, NOW);
    }

    @Test
    void publishesEveryVenusOutputAndJsonFeed() {
        assertThat(files())
                .containsKeys(
                        "index.html",
                        "atom.xml",
                        "rss20.xml",
                        "rss10.xml",
                        "opml.xml",
                        "foafroll.xml",
                        "feed.json",
                        "planet.css");
    }

    @Test
    void romeReadsTheAtomFeed() throws Exception {
        SyndFeed atom = rome(files().get("atom.xml"));
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atom.getTitle()).isEqualTo("Planet Twisted");
        assertThat(atom.getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactly("Announcing NColony 17.9.0", "Tabs & spaces ");
        assertThat(atom.getEntries().get(1).getUri()).isEqualTo("https://example.org/" + "1234".hashCode());
    }

    @Test
    void romeReadsBothRssFeedsWithPlanetStyleTitles() throws Exception {
        for (String file : List.of("rss20.xml", "rss10.xml")) {
            SyndFeed rss = rome(files().get(file));
            assertThat(rss.getFeedType()).as(file).isIn("rss_2.0", "rss_1.0");
            assertThat(rss.getEntries())
                    .as(file)
                    .extracting(SyndEntry::getTitle)
                    .containsExactly("Moshe Zadka: Announcing NColony 17.9.0", "Glyph Lefkowitz: Tabs & spaces ");
            assertThat(rss.getEntries().getFirst().getPublishedDate())
                    .as(file)
                    .isEqualTo(java.util.Date.from(Instant.parse("2017-09-19T22:00:00Z")));
        }
    }

    @Test
    void opmlListsEverySubscription() throws Exception {
        var outlines = xml(files().get("opml.xml")).getElementsByTagName("outline");
        var feeds = new ArrayList<String>();
        for (int i = 0; i < outlines.getLength(); i++) {
            var outline = (Element) outlines.item(i);
            feeds.add(outline.getAttribute("text") + " " + outline.getAttribute("xmlUrl"));
        }
        assertThat(feeds)
                .containsExactly(
                        "Glyph Lefkowitz https://glyph.example.net/rss",
                        "Moshe Zadka https://moshe.example.org/feed.atom");
    }

    @Test
    void foafRollNamesEveryMember() throws Exception {
        var names = xml(files().get("foafroll.xml")).getElementsByTagNameNS("http://xmlns.com/foaf/0.1/", "name");
        assertThat(names.getLength()).isEqualTo(3);
        assertThat(names.item(1).getTextContent()).isEqualTo("Glyph Lefkowitz");
    }

    @Test
    void jsonFeedHasTheRequiredFieldsOfVersionOnePointOne() throws Exception {
        try (JsonParser json = new JsonFactory().createParser(files().get("feed.json"))) {
            var top = new java.util.HashMap<String, Object>();
            var items = new ArrayList<Map<String, String>>();
            assertThat(json.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (name.equals("items")) {
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        var item = new java.util.HashMap<String, String>();
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String field = json.currentName();
                            if (json.nextToken().isScalarValue()) {
                                item.put(field, json.getText());
                            } else {
                                json.skipChildren();
                            }
                        }
                        items.add(item);
                    }
                } else if (value.isScalarValue()) {
                    top.put(name, json.getText());
                } else {
                    json.skipChildren();
                }
            }
            assertThat(top)
                    .containsEntry("version", "https://jsonfeed.org/version/1.1")
                    .containsEntry("title", "Planet Twisted")
                    .containsEntry("feed_url", "https://planet.example.org/feed.json");
            assertThat(items).hasSize(2).allSatisfy(item -> assertThat(item).containsKeys("id", "content_html"));
            assertThat(items.getFirst()).containsEntry("date_published", "2017-09-19T22:00:00+00:00");
        }
    }

    @Test
    void controlCharactersNeverReachXmlOutputs() {
        for (String file : List.of("atom.xml", "rss20.xml", "rss10.xml", "index.html")) {
            String text = new String(files().get(file), StandardCharsets.UTF_8);
            assertThat(text).as(file).doesNotContain("\u0001", "\u000B");
        }
    }

    @Test
    void indexGroupsByDayAndMarksFailingSubscriptionsWithoutTheirDiagnostics() {
        var index = org.jsoup.Jsoup.parse(new String(files().get("index.html"), StandardCharsets.UTF_8));
        assertThat(index.select("section.day > h2").eachText()).containsExactly("19 Sep 2017", "18 Sep 2017");
        assertThat(index.select("aside li.failing a.health").eachAttr("href"))
                .containsExactly("health.html#glyph-lefkowitz");
        assertThat(index.select("aside").text()).doesNotContain("404");
        assertThat(index.select("link[rel=alternate]").eachAttr("href"))
                .containsExactly("atom.xml", "rss20.xml", "feed.json", "opml.xml");
    }

    @Test
    void showsFacesAndAuthorsOtherThanTheSubscription() {
        var withAuthor = new Post(
                new Entry(
                        "guest",
                        "A guest post",
                        Optional.empty(),
                        Optional.of("Guest Writer"),
                        Optional.of(Instant.parse("2017-09-19T08:00:00Z")),
                        Optional.empty(),
                        "<p>Hello.</p>",
                        Optional.empty(),
                        List.of(),
                        List.of()),
                MOSHE,
                Instant.parse("2017-09-19T08:00:00Z"));
        var html = renderer.render(new River(List.of(withAuthor), List.of(MOSHE)), NOW)
                .get("index.html");
        var index = org.jsoup.Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        assertThat(index.select("article img.face").attr("src")).isEqualTo("moshe.png");
        assertThat(index.select("article .byline").text()).isEqualTo("by Guest Writer");
        assertThat(index.select("article h3").text()).isEqualTo("Moshe Zadka: A guest post");
    }

    @Test
    void indexIsValidHtml() throws Exception {
        assertThat(HtmlValidity.errors(files().get("index.html"))).isEmpty();
    }

    @Test
    void checkerCatchesInvalidHtml() throws Exception {
        byte[] invalid =
                "<!DOCTYPE html><html lang=en><title>x</title><p><div></span>".getBytes(StandardCharsets.UTF_8);
        assertThat(HtmlValidity.errors(invalid)).isNotEmpty();
    }

    private static SyndFeed rome(byte[] bytes) throws Exception {
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes)));
    }

    private static org.w3c.dom.Document xml(byte[] bytes) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (var in = new ByteArrayInputStream(bytes)) {
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
