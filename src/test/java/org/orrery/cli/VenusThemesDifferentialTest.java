package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Venus itself as the reference for its themes: the planet of {@link VenusThemePlanet} published by
 * Planet Venus (its {@code planet.py}, run from the planet's directory) and by Orrery, with each
 * of Venus's shipped themes and with Planet Mozilla's; the pages compare as in {@link
 * VenusThemesTest}, which compares with Venus's output kept in the test resources. Runs when
 * {@code -Dorrery.venus=DIR} (a Planet Venus checkout) and {@code -Dorrery.python2=PYTHON} (a
 * Python 2.7) are given and libxslt's {@code xsltproc} is on the {@code PATH} (Venus runs it for
 * XSLT themes when Python's libxml2 bindings are missing); skipped otherwise.
 */
class VenusThemesDifferentialTest {
    static final List<String> PLANETS = Stream.concat(VenusThemePlanet.VENUS_THEMES.stream(), Stream.of("moz_planet"))
            .toList();

    @TempDir
    Path dir;

    private Path venus;
    private Path python;

    @BeforeEach
    void findVenus() throws Exception {
        String venusDir = System.getProperty("orrery.venus");
        String python2 = System.getProperty("orrery.python2");
        assumeTrue(venusDir != null && python2 != null, "orrery.venus and orrery.python2 not set");
        venus = Path.of(venusDir);
        python = Path.of(python2);
        assumeTrue(Files.isRegularFile(venus.resolve("planet.py")), venus + " is not a Venus checkout");
        assumeTrue(onPath("xsltproc"), "xsltproc is not on the PATH");
        VenusThemePlanet.layOut(dir);
    }

    @ParameterizedTest
    @FieldSource("PLANETS")
    void orreryPublishesThePlanetAsVenusDoes(String theme) throws Exception {
        Path config = theme.equals("moz_planet")
                ? dir.resolve("planet-mozilla.ini")
                : VenusThemePlanet.themeConfig(dir, theme);

        Path venusOutput = runVenus(config);
        Path orreryOutput = VenusThemesTest.publish(dir, config);

        VenusThemesTest.assertSamePages(venusOutput, orreryOutput, theme);
    }

    /** Venus run on {@code config} from the planet's directory; where it published. */
    private Path runVenus(Path config) throws Exception {
        Process process = new ProcessBuilder(
                        python.toString(),
                        venus.resolve("planet.py").toString(),
                        config.getFileName().toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        String out = Files.readAllLines(config).stream()
                .filter(l -> l.startsWith("output_dir = "))
                .findFirst()
                .orElseThrow();
        return dir.resolve(out.substring(out.indexOf('=') + 1).trim());
    }

    private static boolean onPath(String command) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, command))) {
                return true;
            }
        }
        return false;
    }
}
