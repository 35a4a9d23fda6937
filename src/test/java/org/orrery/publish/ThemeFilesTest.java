package org.orrery.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.render.Theme;

/** How a planet's theme is found, and handed from the check before a run to its publishing. */
class ThemeFilesTest {
    @TempDir
    Path dir;

    @Test
    void aMissingThemeAndTemplatesAreFallbacksNamingWhatTheDefaultReplaces() throws Exception {
        PlanetConfig config = config("output_theme = gone\ntemplate_files = index.html.tmpl\n");

        Theme theme = ThemeFiles.load(config, dir);

        assertThat(theme.fallbacks())
                .extracting(Theme.Fallback::instead)
                .containsExactly("the default theme", "the default index.html");
        assertThat(theme.fallbacks().getFirst().problem()).isEqualTo("output_theme gone not found in [" + dir + "]");
    }

    @Test
    void theThemeCheckedBeforeARunIsTheOneItsPublishingUsesOnce() throws Exception {
        Path template = Files.writeString(dir.resolve("index.html.tmpl"), "<p><TMPL_VAR name></p>");
        PlanetConfig config = config("template_files = " + template + "\n");

        assertThat(ThemeFiles.checkBeforePublishing(config).fallbacks()).isEmpty();
        Files.delete(template);

        // Compiled once: the run publishes what was checked, even with the file gone since.
        assertThat(ThemeFiles.forPublishing(config).fallbacks()).isEmpty();
        // Any later publishing (serve's next one) reads the theme again.
        assertThat(ThemeFiles.forPublishing(config).fallbacks()).hasSize(1);
    }

    @Test
    void anotherConfigDoesNotTakeTheThemeCheckedForOne() throws Exception {
        Path template = Files.writeString(dir.resolve("index.html.tmpl"), "<p><TMPL_VAR name></p>");
        PlanetConfig checked = config("template_files = " + template + "\n");
        PlanetConfig other = config("template_files = " + template + "\n");

        ThemeFiles.checkBeforePublishing(checked);
        Files.delete(template);

        assertThat(ThemeFiles.forPublishing(other).fallbacks()).hasSize(1);
    }

    private PlanetConfig config(String lines) throws Exception {
        Path file = Files.writeString(
                dir.resolve("config.ini"),
                "[Planet]\nname = P\noutput_dir = %s\ncache_directory = %s\n%s"
                        .formatted(dir.resolve("output"), dir.resolve("cache"), lines));
        return ConfigLoader.load(List.of(file), dir);
    }

    /** Venus's {@code bill_of_materials = images/#{face}}: every subscription's face is copied. */
    @Test
    void billOfMaterialsCopiesEachSubscriptionsFace() throws Exception {
        Files.createDirectories(dir.resolve("images"));
        Files.writeString(dir.resolve("images/anna.png"), "png");
        Files.writeString(dir.resolve("images/bob.png"), "png");
        Files.writeString(dir.resolve("style.css"), "p {}");
        Path config = Files.writeString(
                dir.resolve("config.ini"),
                """
                [Planet]
                name = P
                bill_of_materials = style.css images/#{face}
                cache_directory = %s

                [https://a.example/feed]
                name = Anna
                face = anna.png

                [https://b.example/feed]
                name = Bob
                face = bob.png

                [https://c.example/feed]
                name = Carl
                face = https://c.example/carl.png

                [https://d.example/feed]
                name = Dora
                """
                        .formatted(dir.resolve("cache")));
        PlanetConfig planet = ConfigLoader.load(List.of(config), dir);

        Theme theme = ThemeFiles.load(planet, dir);

        assertThat(theme.warnings()).isEmpty();
        assertThat(theme.files())
                .containsExactly(
                        dir.resolve("style.css"), dir.resolve("images/anna.png"), dir.resolve("images/bob.png"));
    }

    @Test
    void aFaceThatClimbsOutOfTheOutputIsNotCopied() throws Exception {
        Path config = Files.writeString(
                dir.resolve("config.ini"),
                "[Planet]\nname = P\nbill_of_materials = images/#{face}\ncache_directory = " + dir.resolve("cache")
                        + "\n\n[https://a.example/feed]\nface = ../../../etc/passwd\n");

        Theme theme = ThemeFiles.load(ConfigLoader.load(List.of(config), dir), dir);

        assertThat(theme.files()).isEmpty();
        assertThat(theme.warnings()).singleElement().asString().contains("outside output_dir");
    }
}
