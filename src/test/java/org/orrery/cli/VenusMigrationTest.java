package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache written by Venus itself ({@code migrate/venus/planet/venus-cache}, made by {@link
 * VenusMigrationDifferentialTest} from the feeds in {@code www/}), imported and published by Orrery
 * with the same config.ini and theme: the front page has the entries and subscriptions of the page
 * Venus published from that cache ({@code venus-index.html}), and fetching the feeds again adds only
 * what is new.
 */
class VenusMigrationTest {
    private static final String PAGE = "output/index.html";

    @TempDir
    Path dir;

    private VenusPlanet planet;
    private Path config;
    private Path venusPage;

    @BeforeEach
    void venusCacheServedAgain() throws Exception {
        planet = new VenusPlanet();
        // The cache names the port Venus's feeds were served on; these are served on another.
        String port = Files.readString(VenusPlanet.resource(VenusPlanet.RESOURCES + "/port"))
                .strip();
        Path from = VenusPlanet.resource(VenusPlanet.RESOURCES + "/venus-cache");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = from.relativize(file)
                        .toString()
                        .replace("127.0.0.1," + port + ",", "127.0.0.1," + planet.port() + ",");
                Path target = dir.resolve("cache").resolve(name);
                Files.createDirectories(target.getParent());
                Files.writeString(
                        target, Files.readString(file).replace("127.0.0.1:" + port, "127.0.0.1:" + planet.port()));
            }
        }
        VenusPlanet.datedAsVenusDatesThem(dir.resolve("cache"));
        Path theme = Files.createDirectories(dir.resolve("classic_fancy"));
        Files.copy(VenusPlanet.resource("render/legacy/venus/index.html.tmpl"), theme.resolve("index.html.tmpl"));
        config = planet.config(dir, theme);
        venusPage = VenusPlanet.resource(VenusPlanet.RESOURCES + "/venus-index.html");
    }

    @org.junit.jupiter.api.AfterEach
    void stopServing() {
        planet.close();
    }

    @Test
    void frontPageHasTheEntriesAndSubscriptionsOfVenusPage() throws Exception {
        var imported = CliRun.of("import", "--config", config.toString());
        var built = CliRun.of("build", config.toString());

        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out())
                .contains(planet.base() + "a.atom: imported 3 entries\n")
                .contains(planet.base() + "b.rss: imported 4 entries\n")
                .contains(planet.base() + "gone.rss: imported 0 entries; failing (the old planet's last fetch:"
                        + " 404: not found)\n")
                // A feed of the reading list, which Orrery fetched as a run would.
                .contains(planet.base() + "echo.atom: imported 2 entries\n")
                .contains("imported 9 entries, 0 updated, 0 already stored; left out 0; unreadable files 0");
        assertThat(built.status()).as(built.err()).isZero();
        List<String> venusEntries = VenusPlanet.entries(venusPage);
        assertThat(venusEntries)
                .hasSize(9)
                .contains(
                        "May 01, 2024 | Bravo | Neither guid nor link |  | May 01, 2024 06:00 AM",
                        "May 03, 2024 | Bravo | Relative guid | http://bravo.example/posts/4 | May 03, 2024 11:00 AM",
                        "May 01, 2024 | Alpha | 1 < 2 & other truths | http://alpha.example/2024/1"
                                + " | May 01, 2024 08:30 AM");
        assertThat(VenusPlanet.entries(dir.resolve(PAGE))).containsExactlyElementsOf(venusEntries);
        assertThat(VenusPlanet.subscriptions(dir.resolve(PAGE)))
                .containsExactlyElementsOf(VenusPlanet.subscriptions(venusPage))
                .contains("Gone | message: 404: not found");
    }

    @Test
    void fetchingTheFeedsAfterImportingAddsOnlyWhatIsNew() throws Exception {
        CliRun.of("import", "--config", config.toString());
        // A day later Bravo has one more post; its other items have no id, or a relative one.
        planet.serve("b.rss", VenusPlanet.resource(VenusPlanet.RESOURCES + "/www/b-later.rss"));

        var fetched = CliRun.of("fetch", config.toString());
        CliRun.of("build", config.toString());

        assertThat(fetched.out()).contains("entries: 1 new");
        List<String> expected = new ArrayList<>(
                List.of("May 05, 2024 | Bravo | A day later | http://bravo.example/posts/5 | May 05, 2024 09:00 AM"));
        expected.addAll(VenusPlanet.entries(venusPage));
        assertThat(VenusPlanet.entries(dir.resolve(PAGE))).containsExactlyElementsOf(expected);
    }

    @Test
    void aReadingListThatCannotBeFetchedIsReadAsVenusLastReadIt() throws Exception {
        planet.remove("list.opml");

        var imported = CliRun.of("import", "--config", config.toString());
        CliRun.of("build", config.toString());

        assertThat(imported.out()).contains(planet.base() + "echo.atom: imported 2 entries\n");
        // The site shows a list's feeds once Orrery has read the list; then their history is there.
        List<String> venusEntries = VenusPlanet.entries(venusPage);
        assertThat(VenusPlanet.entries(dir.resolve(PAGE)))
                .containsExactlyElementsOf(venusEntries.stream()
                        .filter(e -> !e.contains(" | Echo | "))
                        .toList());
        planet.serve("list.opml", VenusPlanet.resource(VenusPlanet.RESOURCES + "/www/list.opml"));
        var fetched = CliRun.of("fetch", config.toString());
        CliRun.of("build", config.toString());
        assertThat(fetched.out()).contains("entries: 0 new");
        assertThat(VenusPlanet.entries(dir.resolve(PAGE))).containsExactlyElementsOf(venusEntries);
    }

    @Test
    void importingAgainChangesNothingAndSaysSo() throws IOException {
        CliRun.of("import", "--config", config.toString());

        var again = CliRun.of("import", "--config", config.toString());

        assertThat(again.status()).isZero();
        assertThat(again.out())
                .contains(planet.base() + "b.rss: imported 0 entries, 4 already stored\n")
                .contains("imported 0 entries, 0 updated, 9 already stored; left out 0")
                .contains("nothing changed: the store had everything of the cache already");
    }
}
