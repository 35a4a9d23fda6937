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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.Post;
import org.orrery.model.River;

/** Venus's own XSLT themes, rendered over Venus's spliced feed of a planet. */
class XsltThemeTest {
    private static final Site SITE = new Site(
            "Planet Mozilla",
            "https://planet.example.org/",
            "Mozilla",
            "planet@example.org",
            "Orrery test",
            new Strftime("%B %d, %Y %I:%M %p"),
            new Strftime("%B %d, %Y"),
            ZoneOffset.UTC,
            "utf-8",
            Optional.empty(),
            Optional.empty(),
            Map.of());
    private static final Channel ADA = new Channel(
            URI.create("https://ada.example/feed.atom"),
            "Ada Lovelace",
            Optional.of(URI.create("https://ada.example/")),
            Optional.of(Instant.parse("2017-09-20T05:00:00Z")),
            Optional.empty(),
            Optional.empty(),
            Map.of("face", "ada.png"));
    private static final Channel GONE = new Channel(
            URI.create("https://gone.example/rss"),
            "Gone Feed",
            Optional.empty(),
            Optional.empty(),
            Optional.of("HTTP 410 Gone"),
            Optional.of("410: gone"),
            Map.of());

    @TempDir
    Path dir;

    @BeforeEach
    void copyThemes() throws Exception {
        for (String name : List.of(
                "asf.html.xslt",
                "musings.html.xslt",
                "mobile.html.xslt",
                "atom.xml.xslt",
                "foafroll.xml.xslt",
                "opml.xml.xslt")) {
            try (InputStream in = getClass().getResourceAsStream("/render/legacy/venus-xslt/" + name)) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
    }

    private static Post post(String title, String when, String body) {
        return new Post(
                new Entry(
                        "tag:ada.example," + when,
                        title,
                        Optional.of(URI.create("https://ada.example/" + when.substring(0, 10))),
                        Optional.of("Ada"),
                        Optional.of(Instant.parse(when)),
                        Optional.empty(),
                        body,
                        Optional.empty(),
                        List.of("math"),
                        List.of()),
                ADA,
                Instant.parse(when));
    }

    private static final River RIVER = new River(
            List.of(
                    post("Notes <on> the Engine", "2017-09-19T22:00:00Z", "<p>The <em>Analytical</em> Engine.</p>"),
                    post("Bernoulli numbers", "2017-09-18T10:00:00Z", "<p>Note G.</p>")),
            List.of(ADA, GONE));

    private Map<String, byte[]> render(String template) {
        var theme = Theme.load(List.of(template), List.of(dir), List.of());
        assertThat(theme.warnings()).isEmpty();
        return new SiteRenderer(SITE, theme).render(RIVER, Instant.parse("2017-09-20T06:00:00Z"));
    }

    private Document page(String template) {
        return Jsoup.parse(new String(render(template).get(Theme.outputName(template)), StandardCharsets.UTF_8));
    }

    @Test
    void asfThemeShowsDaysEntriesBodiesAndSubscriptions() {
        Document page = page("asf.html.xslt");

        assertThat(page.title()).isEqualTo("Planet Mozilla");
        assertThat(page.select("#body h2 time").eachAttr("datetime")).containsExactly("2017-09-19", "2017-09-18");
        assertThat(page.select("#body h3 a").eachText())
                .containsExactly("Ada Lovelace", "Notes <on> the Engine", "Ada Lovelace", "Bernoulli numbers");
        assertThat(page.select("div.news.ada-lovelace")).hasSize(2);
        assertThat(page.select("div.news div.content em").text()).isEqualTo("Analytical");
        assertThat(page.select("#footer li > a[title]").eachText()).contains("Ada Lovelace", "Gone Feed");
        assertThat(page.select("#footer a.message").attr("title")).isEqualTo("410: gone");
        assertThat(page.select("script[src=personalize.js]")).hasSize(1);
        assertThat(page.select("script:not([src])")).isEmpty();
    }

    @Test
    void musingsAndMobileThemesRenderTheSameEntries() {
        for (String theme : List.of("musings.html.xslt", "mobile.html.xslt")) {
            Document page = page(theme);
            assertThat(page.text()).as(theme).contains("Notes <on> the Engine", "Bernoulli numbers", "Ada Lovelace");
        }
        assertThat(page("musings.html.xslt").select("em").eachText()).contains("Analytical");
        // The mobile theme shows an entry's planet:excerpt, which only Venus's excerpt filter writes.
        assertThat(page("mobile.html.xslt").select("em")).isEmpty();
    }

    @Test
    void xhtmlPagesReadTheSameAsHtmlAndAsXml() throws Exception {
        // Venus wrote a stylesheet's XHTML as it was (Planet Mozilla served it as XHTML); read as
        // HTML, <div id="sidebar"/> would open a div holding the rest of the page.
        Files.writeString(
                dir.resolve("page.html.xslt"),
                """
                <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                    xmlns:atom="http://www.w3.org/2005/Atom" xmlns="http://www.w3.org/1999/xhtml"
                    exclude-result-prefixes="atom">
                  <xsl:output method="xml" omit-xml-declaration="yes"/>
                  <xsl:template match="atom:feed">
                    <html><head><meta charset="utf-8"/><script>if (1 &lt; 2) {}</script></head>
                    <body><div id="sidebar"/><h2>Subscriptions</h2><p/><br/>
                    <xsl:copy-of select="atom:entry[1]/atom:content/*"/></body></html>
                  </xsl:template>
                </xsl:stylesheet>
                """);

        String published = new String(render("page.html.xslt").get("page.html"), StandardCharsets.UTF_8);
        Document html = Jsoup.parse(published);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var xml = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(published.getBytes(StandardCharsets.UTF_8)));

        assertThat(html.select("#sidebar").html()).isEmpty();
        assertThat(html.select("body > h2").text()).isEqualTo("Subscriptions");
        assertThat(html.select("body > br")).hasSize(1);
        assertThat(html.select("body > div > p > em").text()).isEqualTo("Analytical");
        // Written as XHTML wrote scripts for both readings: the code in a CDATA section behind "//".
        assertThat(html.select("script").html()).contains("\nif (1 < 2) {}\n");
        assertThat(xml.getElementsByTagNameNS(VenusFeed.XHTML, "script").item(0).getTextContent())
                .contains("\nif (1 < 2) {}\n");
        assertThat(xml.getElementsByTagNameNS(VenusFeed.XHTML, "div")
                        .item(0)
                        .getChildNodes()
                        .getLength())
                .as("the sidebar, read as XML")
                .isZero();
        assertThat(published).doesNotContain("xmlns:planet");
    }

    @Test
    void commonFeedThemesWriteWellFormedFeeds() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var atom = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(render("atom.xml.xslt").get("atom.xml")));
        assertThat(atom.getElementsByTagNameNS(VenusFeed.ATOM, "entry").getLength())
                .isEqualTo(2);
        var foaf = new String(render("foafroll.xml.xslt").get("foafroll.xml"), StandardCharsets.UTF_8);
        assertThat(foaf).contains("Ada Lovelace", "https://ada.example/feed.atom");
    }

    @Test
    void venusOpmlThemeFormatsItsDateWithExsltDateFunctions() {
        // Venus's common opml.xml.xslt writes an RFC 822 date with EXSLT's date functions, as
        // libxslt ran them: the planet's updated time (when it was rendered), a Wednesday.
        String opml = new String(render("opml.xml.xslt").get("opml.xml"), StandardCharsets.UTF_8);

        assertThat(opml)
                .contains("<dateModified>Wed, 20 Sep 2017 06:00:00 GMT</dateModified>")
                .contains("<outline", "Ada Lovelace");
    }

    @Test
    void otherExsltAndJavaExtensionsAreStillRefused() throws Exception {
        Files.writeString(
                dir.resolve("strings.html.xslt"),
                """
                <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                    xmlns:str="http://exslt.org/strings">
                  <xsl:template match="/"><p><xsl:value-of select="str:padding(3, 'x')"/></p></xsl:template>
                </xsl:stylesheet>
                """);
        Files.writeString(
                dir.resolve("unknown.html.xslt"),
                """
                <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                    xmlns:date="http://exslt.org/dates-and-times">
                  <xsl:template match="/"><p><xsl:value-of select="date:week-in-year('2017-09-20')"/></p></xsl:template>
                </xsl:stylesheet>
                """);
        assertThat(Theme.load(List.of("strings.html.xslt"), List.of(dir), List.of())
                        .warnings())
                .singleElement()
                .asString()
                .contains("http://exslt.org/strings");
        assertThat(Theme.load(List.of("unknown.html.xslt"), List.of(dir), List.of())
                        .warnings())
                .singleElement()
                .asString()
                .contains("date:week-in-year");
    }

    @Test
    void stylesheetsReadOnlyTheThemesFiles() throws Exception {
        Path secret = Files.writeString(Files.createTempFile("secret", ".xml"), "<s>TOP-SECRET</s>");
        Files.writeString(
                dir.resolve("peek.html.xslt"),
                """
                <xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0">
                  <xsl:template match="/"><p><xsl:value-of select="document('%s')"/></p></xsl:template>
                </xsl:stylesheet>
                """
                        .formatted(secret.toUri()));
        Files.writeString(
                dir.resolve("include.html.xslt"),
                """
                <xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0">
                  <xsl:include href="%s"/>
                </xsl:stylesheet>
                """
                        .formatted(secret.toUri()));
        Files.writeString(
                dir.resolve("java.html.xslt"),
                """
                <xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0"
                    xmlns:rt="http://xml.apache.org/xalan/java/java.lang.Runtime">
                  <xsl:template match="/"><xsl:value-of select="rt:getRuntime()"/></xsl:template>
                </xsl:stylesheet>
                """);

        var theme = Theme.load(List.of("include.html.xslt", "java.html.xslt"), List.of(dir), List.of());
        assertThat(theme.warnings())
                .satisfiesExactly(
                        include -> assertThat(include).contains("only files of the theme's directories"),
                        java -> assertThat(java).contains("extension functions", "not run"));

        var peek = Theme.load(List.of("peek.html.xslt"), List.of(dir), List.of());
        // Refused as it renders: the file is not published (it has no default).
        byte[] shown = new SiteRenderer(SITE, peek)
                .render(RIVER, Instant.parse("2017-09-20T06:00:00Z"))
                .get("peek.html");
        assertThat(shown == null ? "" : new String(shown, StandardCharsets.UTF_8))
                .doesNotContain("TOP-SECRET");
    }
}
