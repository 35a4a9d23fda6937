package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration as a maintainer makes it, with Venus itself as the reference: Venus's {@code
 * planet.py} fetches a small planet served on loopback and publishes it with its classic_fancy
 * theme; then, with the same config.ini and cache directory, {@code orrery import} and {@code
 * orrery build} publish the same entries (titles, links, dates, days, feeds, order). A fetch of the
 * feeds by Orrery afterwards adds only what is new. Runs when {@code -Dorrery.venus=DIR} (a Planet
 * Venus checkout) and {@code -Dorrery.python2=PYTHON} (a Python 2.7) are given, and is skipped
 * otherwise. With {@code -Dorrery.venus.save=DIR} it also keeps Venus's cache and page in DIR, which
 * is how {@code migrate/venus/planet} (read by {@link VenusMigrationTest}) was made.
 */
class VenusMigrationDifferentialTest {
    @TempDir
    Path dir;

    @Test
    void orreryPublishesVenusFrontPageFromVenusCache() throws Exception {
        String venus = System.getProperty("orrery.venus");
        String python = System.getProperty("orrery.python2");
        assumeTrue(venus != null && python != null, "orrery.venus and orrery.python2 not set");
        assumeTrue(Files.isRegularFile(Path.of(venus, "planet.py")), venus + " is not a Venus checkout");

        try (var planet = new VenusPlanet()) {
            Path config = planet.config(dir, Path.of(venus, "themes", "classic_fancy"));
            runVenus(Path.of(python), Path.of(venus), config);
            Path venusPage = dir.resolve("venus-index.html");
            Files.copy(dir.resolve("output/index.html"), venusPage);
            String save = System.getProperty("orrery.venus.save");
            if (save != null) {
                save(Path.of(save), planet.port());
            }

            var imported = CliRun.of("import", "--config", config.toString());
            var built = CliRun.of("build", config.toString());

            assertThat(imported.status()).as(imported.err()).isZero();
            assertThat(imported.out())
                    .contains(planet.base() + "a.atom: imported 3 entries\n")
                    .contains(planet.base() + "b.rss: imported 4 entries\n")
                    .contains(planet.base() + "echo.atom: imported 2 entries\n")
                    .contains(planet.base() + "gone.rss: imported 0 entries; failing (the old planet's last fetch:"
                            + " 404: not found)\n");
            assertThat(built.status()).as(built.err()).isZero();
            List<String> venusEntries = VenusPlanet.entries(venusPage);
            assertThat(venusEntries).hasSize(9);
            assertThat(VenusPlanet.entries(dir.resolve("output/index.html"))).containsExactlyElementsOf(venusEntries);
            assertThat(VenusPlanet.subscriptions(venusPage))
                    .contains("Gone | message: 404: not found")
                    .containsExactlyElementsOf(VenusPlanet.subscriptions(dir.resolve("output/index.html")));

            // A day later Bravo has one more post; Orrery fetches every feed.
            planet.serve("b.rss", VenusPlanet.resource(VenusPlanet.RESOURCES + "/www/b-later.rss"));
            var fetched = CliRun.of("fetch", config.toString());
            CliRun.of("build", config.toString());

            assertThat(fetched.out()).contains("entries: 1 new");
            List<String> later = new ArrayList<>(List.of(
                    "May 05, 2024 | Bravo | A day later | http://bravo.example/posts/5 | May 05, 2024 09:00 AM"));
            later.addAll(venusEntries);
            assertThat(VenusPlanet.entries(dir.resolve("output/index.html"))).containsExactlyElementsOf(later);
        }
    }

    private void runVenus(Path python, Path venus, Path config) throws Exception {
        var builder = new ProcessBuilder(
                        python.toString(), venus.resolve("planet.py").toString(), config.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true);
        // Venus's urllib would send loopback requests to a proxy the environment names.
        List.of("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")
                .forEach(builder.environment()::remove);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(dir.resolve("output/index.html")).as(output).exists();
    }

    /** Venus's cache (before Orrery added its database), its page and the port its feeds were on. */
    private void save(Path to, int port) throws Exception {
        Files.createDirectories(to);
        VenusPlanet.copy(dir.resolve("cache"), to.resolve("venus-cache"));
        Files.copy(dir.resolve("venus-index.html"), to.resolve("venus-index.html"));
        Files.writeString(to.resolve("port"), port + "\n");
    }
}
