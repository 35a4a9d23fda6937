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

/** A planet's theme files as Venus finds them. */
class ThemeFilesTest {
    @TempDir
    Path dir;

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
