package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each of Venus's shipped themes, and Planet Mozilla's, renders the planet of {@link VenusThemePlanet}
 * as Venus rendered it: the pages' outlines equal those of Venus's own output for the same
 * planet, kept in {@code venus-planet/venus-output/} (made by Venus itself; {@link
 * VenusThemesDifferentialTest} runs it live), but for the differences listed here, each with its
 * reason.
 */
class VenusThemesTest {
    /**
     * Where Orrery's page differs from Venus's on purpose or for a reason outside the themes: the
     * line of Venus's outline, and Orrery's in its place (empty: none).
     */
    static final Map<String, String> KNOWN = Map.of(
            // Orrery reads an Atom entry without an author as written by the feed's author
            // (RFC 4287 §4.2.1); Venus left the entry's author empty, so htmltmpl themes showed no "by".
            "a http://blog.lizardwrangler.com/2017/open-web/ | September 19, 2017 10:15 AM",
            "a http://blog.lizardwrangler.com/2017/open-web/ | by Mitchell Baker at September 19, 2017 10:15 AM",
            "a http://blog.lizardwrangler.com/2017/all-hands/ | September 17, 2017 08:05 AM",
            "a http://blog.lizardwrangler.com/2017/all-hands/ | by Mitchell Baker at September 17, 2017 08:05 AM");

    @TempDir
    Path dir;

    @BeforeEach
    void layOut() throws Exception {
        VenusThemePlanet.layOut(dir);
    }

    static final List<String> THEMES = VenusThemePlanet.VENUS_THEMES;

    @ParameterizedTest
    @FieldSource("THEMES")
    void venusThemeRendersThePlanetAsVenusDid(String theme) throws Exception {
        Path output = publish(dir, VenusThemePlanet.themeConfig(dir, theme));
        assertSamePages(dir.resolve("venus-output").resolve(theme), output, theme);
    }

    /** Every page and feed Venus wrote into {@code venus}, compared with Orrery's of the same name. */
    static void assertSamePages(Path venus, Path orrery, String theme) throws Exception {
        List<Path> pages;
        try (var files = Files.list(venus)) {
            pages = files.filter(
                            f -> f.toString().endsWith(".html") || f.toString().endsWith(".xml"))
                    .sorted()
                    .toList();
        }
        assertThat(pages).as(theme).isNotEmpty();
        for (Path page : pages) {
            String name = page.getFileName().toString();
            Function<String, List<String>> outline =
                    switch (name) {
                        case "atom.xml", "rss10.xml", "rss20.xml" -> VenusThemePlanet::feedOutline;
                        case "foafroll.xml", "opml.xml" -> VenusThemePlanet::subscriptionNames;
                        default -> VenusThemePlanet::outline;
                    };
            var actual = assertThat(outline.apply(VenusThemePlanet.read(orrery.resolve(name))))
                    .as(theme + " " + name);
            List<String> expected = expected(outline.apply(VenusThemePlanet.read(page)));
            if (name.equals("foafroll.xml") || name.equals("opml.xml")) {
                // Venus listed subscriptions in the config's order; Orrery's Channels are sorted by name.
                actual.containsExactlyInAnyOrderElementsOf(expected);
            } else {
                actual.containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void planetMozillaRendersAsVenusDid() throws Exception {
        Path output = publish(dir, dir.resolve("planet-mozilla.ini"));

        assertSamePages(dir.resolve("venus-output/moz_planet"), output, "moz_planet");
    }

    @Test
    void djangoThemeRendersThePlanet() throws Exception {
        // Venus needs Django to render it, so there is no page of Venus's to compare: the theme's
        // own structure (themes/django/index.html.dj), filled as Venus's variables fill it.
        Path output = publish(dir, VenusThemePlanet.themeConfig(dir, "django"));
        var page = org.jsoup.Jsoup.parse(VenusThemePlanet.read(output.resolve("index.html")));

        assertThat(page.select("h1").text()).isEqualTo("Planet Venus Themes");
        assertThat(page.text()).contains("on behalf of Planet Team");
        assertThat(page.select("h3").eachText())
                .containsExactly("Axel Hecht", "Mitchell Baker", "L. David Baron", "Axel Hecht", "Mitchell Baker");
        assertThat(page.select("h4").eachText())
                .containsExactly(
                        "Localizing Firefox in 100 languages",
                        "The open web, <still> worth it",
                        "CSS layout, one more time",
                        "Compare-locales 10",
                        "Notes from the all-hands");
        assertThat(page.select("li").eachText()).contains("Axel Hecht's blog by", "Mitchell's Blog by Mitchell Baker");
    }

    /** The planet of {@code config} published by Orrery; where it went. */
    static Path publish(Path dir, Path config) throws Exception {
        var run = CliRun.of("run", VenusThemePlanet.forOrrery(dir, config).toString());
        assertThat(run.status()).as(run.err()).isEqualTo(0);
        String out = Files.readAllLines(config).stream()
                .filter(l -> l.startsWith("output_dir = "))
                .findFirst()
                .orElseThrow();
        return dir.resolve("orrery-" + out.substring(out.indexOf('=') + 1).trim());
    }

    private static List<String> expected(List<String> venus) {
        return venus.stream()
                .map(line -> KNOWN.getOrDefault(line, line))
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
