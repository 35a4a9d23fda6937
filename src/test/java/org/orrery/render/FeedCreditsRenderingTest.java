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
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.EntryDetails;
import org.orrery.model.FeedCredits;
import org.orrery.model.FeedInfo;
import org.orrery.model.Post;
import org.orrery.model.River;

/**
 * An entry's rights and a feed's icon, logo, rights and generator, as every kind of theme sees
 * them: htmltmpl and Django variables in Venus's forms, and the spliced Atom document XSLT themes
 * read (Venus's own {@code asf} theme shows the icon and the rights).
 */
class FeedCreditsRenderingTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String HOSTILE_RIGHTS = "© 2026 <script>alert(1)</script> & Co";

    @TempDir
    Path dir;

    private static final Site SITE = new Site(
            "Credits",
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
            Map.of());

    private static Channel channel(String name, FeedCredits credits) {
        String site = "https://" + name.toLowerCase() + ".example/";
        return new Channel(
                URI.create(site + "feed"),
                name,
                Optional.of(URI.create(site)),
                Optional.of(NOW),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                new FeedInfo(
                        Optional.of(name),
                        Optional.of(URI.create(site)),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        credits));
    }

    private static final Channel CREDITED = channel(
            "Credited",
            new FeedCredits(
                    Optional.of(URI.create("https://credited.example/favicon.ico")),
                    Optional.of(URI.create("https://credited.example/logo.png")),
                    Optional.of(HOSTILE_RIGHTS),
                    Optional.of("Example Generator 1.0")));

    /** A feed whose images are not web addresses: nothing of them may reach a page. */
    private static final Channel SCRIPTED = channel(
            "Scripted",
            new FeedCredits(
                    Optional.of(URI.create("javascript:alert(1)")),
                    Optional.of(URI.create("data:image/png;base64,AAAA")),
                    Optional.empty(),
                    Optional.empty()));

    private static Post post(Channel channel, String key, Optional<String> rights, String at) {
        var entry = new Entry(
                key,
                "Entry " + key.substring(key.length() - 1),
                Optional.of(URI.create(key)),
                Optional.of("Ann"),
                Optional.of(Instant.parse(at)),
                Optional.empty(),
                "<p>body</p>",
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                new EntryDetails(Optional.empty(), Optional.empty(), Optional.empty(), rights));
        return new Post(entry, channel, Instant.parse(at));
    }

    private static final River RIVER = new River(
            List.of(
                    post(
                            CREDITED,
                            "https://credited.example/1",
                            Optional.of("CC BY 4.0 & more"),
                            "2026-02-28T10:00:00Z"),
                    post(CREDITED, "https://credited.example/2", Optional.empty(), "2026-02-27T10:00:00Z"),
                    post(SCRIPTED, "https://scripted.example/3", Optional.empty(), "2026-02-26T10:00:00Z")),
            List.of(CREDITED, SCRIPTED));

    private Document render(String template) {
        var theme = Theme.load(List.of(template), List.of(dir), List.of());
        assertThat(theme.warnings()).isEmpty();
        byte[] page = new SiteRenderer(SITE, theme).render(RIVER, NOW).get(Theme.outputName(template));
        return Jsoup.parse(new String(page, StandardCharsets.UTF_8));
    }

    /** The text of each element, empty ones too (jsoup's eachText leaves those out). */
    private static List<String> texts(Document page, String query) {
        return page.select(query).stream().map(Element::text).toList();
    }

    @Test
    void htmltmplThemesGetRightsAsHtmlAndTheFeedsImagesAndGenerator() throws Exception {
        Files.writeString(
                dir.resolve("credits.html.tmpl"),
                """
                <TMPL_LOOP Items><p class="item"><span class="rights"><TMPL_VAR rights></span>\
                <span class="channel_rights"><TMPL_VAR channel_rights></span>\
                <img src="<TMPL_VAR channel_icon>"><img src="<TMPL_VAR channel_logo>">\
                <span class="generator"><TMPL_VAR channel_generator></span></p></TMPL_LOOP>
                <TMPL_LOOP Channels><p class="channel"><img src="<TMPL_VAR icon>"><img src="<TMPL_VAR logo>">\
                <span class="rights"><TMPL_VAR rights></span><span class="generator"><TMPL_VAR generator></span></p>\
                </TMPL_LOOP>
                """);

        Document page = render("credits.html.tmpl");

        assertThat(page.select("script")).isEmpty();
        assertThat(texts(page, "p.item span.rights")).containsExactly("CC BY 4.0 & more", "", "");
        assertThat(texts(page, "p.item span.channel_rights")).containsExactly(HOSTILE_RIGHTS, HOSTILE_RIGHTS, "");
        assertThat(page.select("p.item img").eachAttr("src"))
                .containsExactly(
                        "https://credited.example/favicon.ico",
                        "https://credited.example/logo.png",
                        "https://credited.example/favicon.ico",
                        "https://credited.example/logo.png",
                        "",
                        "");
        assertThat(texts(page, "p.item span.generator"))
                .containsExactly("Example Generator 1.0", "Example Generator 1.0", "");
        assertThat(page.select("p.channel img").eachAttr("src"))
                .containsExactly("https://credited.example/favicon.ico", "https://credited.example/logo.png", "", "");
        assertThat(texts(page, "p.channel span.rights")).containsExactly(HOSTILE_RIGHTS, "");
        // (The second channel names no generator: the engine's lookup then finds the planet's.)
        assertThat(texts(page, "p.channel span.generator").getFirst()).isEqualTo("Example Generator 1.0");
    }

    @Test
    void djangoThemesGetTheSameVariables() throws Exception {
        Files.writeString(
                dir.resolve("credits.html.dj"),
                """
                {% for item in Items %}<p class="item"><span class="rights">{{ item.rights|safe }}</span>\
                <img src="{{ item.channel_icon }}"><img src="{{ item.channel_logo }}">\
                <span class="generator">{{ item.channel_generator }}</span></p>{% endfor %}
                {% for channel in Channels %}<p class="channel"><span class="rights">{{ channel.rights|safe }}</span>\
                <span class="escaped">{{ channel.rights }}</span></p>{% endfor %}
                """);

        Document page = render("credits.html.dj");

        assertThat(page.select("script")).isEmpty();
        assertThat(texts(page, "p.item span.rights")).containsExactly("CC BY 4.0 & more", "", "");
        assertThat(page.select("p.item img").eachAttr("src"))
                .containsExactly(
                        "https://credited.example/favicon.ico",
                        "https://credited.example/logo.png",
                        "https://credited.example/favicon.ico",
                        "https://credited.example/logo.png",
                        "",
                        "");
        assertThat(texts(page, "p.item span.generator"))
                .containsExactly("Example Generator 1.0", "Example Generator 1.0", "");
        assertThat(texts(page, "p.channel span.rights")).containsExactly(HOSTILE_RIGHTS, "");
        // Django's autoescape (Venus's default) escapes the HTML value once more, as in Venus.
        assertThat(page.select("p.channel span.escaped").first().text())
                .isEqualTo("© 2026 &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
    }

    @Test
    void venusAsfThemeShowsTheFeedsIconAndTheRightsFromTheSplicedFeed() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/render/legacy/venus-xslt/asf.html.xslt")) {
            Files.write(dir.resolve("asf.html.xslt"), in.readAllBytes());
        }

        Document page = render("asf.html.xslt");

        assertThat(page.select("script").eachAttr("src")).containsExactly("personalize.js");
        assertThat(page.select("#body h3 img.icon").eachAttr("src"))
                .containsExactly("https://credited.example/favicon.ico", "https://credited.example/favicon.ico");
        // asf: the entry's own rights, else its feed's, as the title of a © before the byline.
        assertThat(page.select("div.permalink a[title]").eachAttr("title"))
                .containsExactly("CC BY 4.0 & more", HOSTILE_RIGHTS);
    }

    @Test
    void theSplicedFeedCarriesIconLogoAndRightsInEachSource() throws Exception {
        Files.writeString(
                dir.resolve("sources.txt.xslt"),
                """
                <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                    xmlns:atom="http://www.w3.org/2005/Atom" xmlns:planet="http://planet.intertwingly.net/">
                  <xsl:output method="text"/>
                  <xsl:template match="/">
                    <xsl:for-each select="atom:feed/planet:source">
                      <xsl:value-of select="planet:name"/>|<xsl:value-of select="atom:icon"/>|<xsl:value-of
                        select="atom:logo"/>|<xsl:value-of select="atom:rights"/>;</xsl:for-each>
                    <xsl:for-each select="atom:feed/atom:entry">
                      <xsl:value-of select="atom:rights"/>|<xsl:value-of select="atom:source/atom:logo"/>;</xsl:for-each>
                  </xsl:template>
                </xsl:stylesheet>
                """);
        var theme = Theme.load(List.of("sources.txt.xslt"), List.of(dir), List.of());

        String text =
                new String(new SiteRenderer(SITE, theme).render(RIVER, NOW).get("sources.txt"), StandardCharsets.UTF_8);

        assertThat(text.strip())
                .isEqualTo("Credited|https://credited.example/favicon.ico|https://credited.example/logo.png|"
                        + HOSTILE_RIGHTS + ";Scripted|||;"
                        + "CC BY 4.0 & more|https://credited.example/logo.png;"
                        + "|https://credited.example/logo.png;|;");
    }
}
