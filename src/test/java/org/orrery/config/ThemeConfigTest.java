package org.orrery.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A theme's own config.ini adds the templates, files and directories it names, and nothing else. */
class ThemeConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsTheListsAThemeNamesAsVenusSplitsThem() throws Exception {
        Path file = Files.writeString(
                dir.resolve("config.ini"),
                "[Planet]\ntemplate_files = index.html.tmpl\n  atom.xml.tmpl\nbill_of_materials = style.css"
                        + " images/logo.png\nname = ignored\n");

        ThemeConfig theme = ThemeConfig.read(file);

        assertThat(theme.templateFiles()).containsExactly("index.html.tmpl", "atom.xml.tmpl");
        assertThat(theme.billOfMaterials()).containsExactly("style.css", "images/logo.png");
        // Unset, a theme adds no directory: template_directories' default "." is the planet's.
        assertThat(theme.templateDirectories()).isEmpty();
    }

    @Test
    void aThemeWithoutAPlanetSectionAddsNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("config.ini"), "[index.html.tmpl]\ndays = 3\n");

        assertThat(ThemeConfig.read(file)).isEqualTo(new ThemeConfig(List.of(), List.of(), List.of()));
    }
}
