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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.Post;
import org.orrery.model.River;

/** A planet's own theme directory, as template_files and bill_of_materials name its files. */
class ThemeTest {
    @TempDir
    Path dir;

    private static final Site SITE = new Site(
            "Planet Python",
            "https://planet.example.org/",
            "PSF",
            "",
            "Orrery test",
            new Strftime("%B %d, %Y %I:%M %p %Z"),
            new Strftime("%B %d, %Y"),
            ZoneOffset.UTC,
            "utf-8",
            Optional.empty(),
            Optional.empty(),
            Map.of());
    private static final Channel CHANNEL = new Channel(
            URI.create("https://a.example/feed"),
            "A. Author",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of());
    private static final River RIVER = new River(
            List.of(new Post(
                    new Entry(
                            "1",
                            "First post",
                            Optional.of(URI.create("https://a.example/1")),
                            Optional.empty(),
                            Optional.of(Instant.parse("2017-09-19T22:00:00Z")),
                            Optional.empty(),
                            "<p>Hi</p>",
                            Optional.empty(),
                            List.of(),
                            List.of()),
                    CHANNEL,
                    Instant.parse("2017-09-19T22:00:00Z"))),
            List.of(CHANNEL));

    @BeforeEach
    void writeTheme() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        for (String name : List.of("index.html.tmpl", "head-links.tmpl", "rss20.xml.tmpl")) {
            try (InputStream in = ThemeTest.class.getResourceAsStream("/render/htmltmpl/" + name)) {
                Files.write(config.resolve(name), in.readAllBytes());
            }
        }
        Files.writeString(
                config.resolve("titles.html.peb"),
                "{% for item in Items %}<li>{{ item.title }}: {{ item.content }}</li>{% endfor %}");
        Files.writeString(config.resolve("atom.xml.xslt"), "<xsl:stylesheet/>");
        Files.createDirectories(dir.resolve("images"));
        Files.write(dir.resolve("images/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    private Map<String, byte[]> render(Theme theme) {
        return new SiteRenderer(SITE, theme).render(RIVER, Instant.parse("2017-09-20T00:00:00Z"));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void htmltmplTemplatesReplaceTheDefaultFilesOfTheSameName() {
        var theme = Theme.load(List.of("config/index.html.tmpl", "config/rss20.xml.tmpl"), List.of(dir), List.of());

        var files = render(theme);

        assertThat(theme.warnings()).isEmpty();
        assertThat(text(files.get("index.html"))).contains("<h2 class=\"date\">September 19, 2017</h2>", "A. Author");
        assertThat(text(files.get("rss20.xml"))).contains("<title>A. Author: First post</title>");
        // Files the theme does not make still come from the default theme.
        assertThat(text(files.get("atom.xml"))).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
    }

    @Test
    void pebbleTemplatesAreOrrerysOwnEngineAndEscapeByDefault() {
        var files = render(Theme.load(List.of("config/titles.html.peb"), List.of(dir), List.of()));
        assertThat(text(files.get("titles.html"))).isEqualTo("<li>First post: &lt;p&gt;Hi&lt;/p&gt;</li>");
    }

    @Test
    void billOfMaterialsIsCopiedAsItIs() {
        var files = render(Theme.load(List.of(), List.of(dir), List.of("images/logo.png")));
        assertThat(files.get("images/logo.png")).containsExactly(0x89, 'P', 'N', 'G');
    }

    @Test
    void missingTemplatesAndEnginesOrreryLacksAreWarningsAndTheDefaultIsPublished() throws Exception {
        Files.writeString(dir.resolve("config/atom.xml.genshi"), "<feed py:for=\"entry in entries\"/>");
        var theme = Theme.load(
                List.of("config/atom.xml.genshi", "config/gone.html.tmpl"), List.of(dir), List.of("gone.css"));

        assertThat(theme.warnings())
                .hasSize(3)
                .anySatisfy(w -> assertThat(w).contains("atom.xml.genshi", "Genshi", "not provided"))
                .anySatisfy(w -> assertThat(w).contains("gone.html.tmpl", "not found"))
                .anySatisfy(w -> assertThat(w).contains("gone.css"));
        assertThat(text(render(theme).get("atom.xml"))).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
    }

    /** A template that compiles but fails on the model (a filter given a value it cannot take). */
    @Test
    void aTemplateFailingAsItRendersLeavesTheDefaultFilePublished() throws Exception {
        Files.writeString(dir.resolve("config/index.html.peb"), "<p>{{ name | date }}</p>");
        Files.writeString(dir.resolve("config/atom.xml.peb"), "<feed>{{ name | date }}</feed>");
        var theme = Theme.load(List.of("config/index.html.peb", "config/atom.xml.peb"), List.of(dir), List.of());
        assertThat(theme.warnings()).isEmpty();

        var files = render(theme);

        assertThat(text(files.get("index.html"))).contains("<!DOCTYPE html>", "<meta name=\"generator\"");
        assertThat(text(files.get("atom.xml"))).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
    }

    @Test
    void brokenStylesheetIsAWarningAndTheDefaultIsPublished() {
        var theme = Theme.load(List.of("config/atom.xml.xslt"), List.of(dir), List.of());

        assertThat(theme.warnings()).singleElement().asString().contains("atom.xml.xslt", "cannot be used");
        assertThat(text(render(theme).get("atom.xml"))).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
    }

    @Test
    void brokenTemplateIsAWarningNamingFileAndLine() throws Exception {
        Files.writeString(dir.resolve("config/bad.html.tmpl"), "<p>\n<TMPL_IF x>never closed\n");
        var theme = Theme.load(List.of("config/bad.html.tmpl"), List.of(dir), List.of());
        assertThat(theme.warnings()).singleElement().asString().contains("bad.html.tmpl", "never closed");
        assertThat(render(theme)).doesNotContainKey("bad.html");
    }

    @Test
    void outputNameDropsTheEngineExtensionAndTheDirectory() {
        assertThat(Theme.outputName("config/index.html.tmpl")).isEqualTo("index.html");
        assertThat(Theme.outputName("foafroll.xml.xslt")).isEqualTo("foafroll.xml");
        assertThat(Theme.outputName("titles.html.peb")).isEqualTo("titles.html");
    }
}
