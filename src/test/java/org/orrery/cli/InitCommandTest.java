package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.discover.SiteServer;

class InitCommandTest {
    private final SiteServer site = new SiteServer();

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void makesAPlanetOfTheFeedsOfSitesAndFeedsAndSaysWhichUrlsGaveNone() throws Exception {
        site.html(
                        "/jane/",
                        SiteServer.page(
                                "<link rel='alternate' type='application/atom+xml' title='Atom' href='atom'>", ""))
                .feed("/jane/atom", SiteServer.atom("Jane Doe"))
                .feed("/bruno.rss", SiteServer.rss("Bruno Lattice"));
        Path dir = tmp.resolve("planet");

        var init = CliRun.of(
                "init",
                dir.toString(),
                site.url("/jane/"),
                site.url("/bruno.rss"),
                site.url("/gone/"),
                site.url("/jane/atom"));

        assertThat(init.status()).isZero();
        assertThat(init.out().lines())
                .containsExactly(
                        "added [" + site.url("/jane/atom") + "], named Jane Doe",
                        "added [" + site.url("/bruno.rss") + "], named Bruno Lattice",
                        "skipped [" + site.url("/jane/atom") + "] of " + site.url("/jane/atom") + ": already added",
                        "created " + dir.resolve("config.ini") + " with 2 feeds (1 URL gave none); publish it with: cd "
                                + dir + " && orrery run config.ini");
        assertThat(init.err()).startsWith("failed: " + site.url("/gone/") + ": HTTP 404 Not Found");
        PlanetConfig config = ConfigLoader.load(List.of(dir.resolve("config.ini")), dir);
        assertThat(config.name()).isEqualTo("planet");
        assertThat(config.subscriptions())
                .extracting(s -> s.feedUri() + " " + s.name().orElseThrow())
                .containsExactly(site.url("/jane/atom") + " Jane Doe", site.url("/bruno.rss") + " Bruno Lattice");
        assertThat(config.cacheDirectory()).isEqualTo(dir.resolve("cache"));
        assertThat(config.outputDir()).isEqualTo(dir.resolve("output"));

        var check = orreryIn(dir, "check", "--strict", dir.resolve("config.ini").toString());
        var run = orreryIn(dir, "run", dir.resolve("config.ini").toString());

        assertThat(check.status()).as(check.err()).isZero();
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(Files.readString(dir.resolve("output/index.html"))).contains("Jane Doe", "Bruno Lattice", "Hello");
        assertThat(dir.resolve("cache/orrery.db")).isRegularFile();
    }

    @Test
    void withoutUrlsMakesACommentedPlanetThatPublishesOffline() throws Exception {
        Path dir = tmp.resolve("empty");

        var init = CliRun.of("init", "--name", "Planet Offline", dir.toString());
        var run = orreryIn(dir, "run", dir.resolve("config.ini").toString());

        assertThat(init.status()).isZero();
        String text = Files.readString(dir.resolve("config.ini"));
        assertThat(text)
                .contains("\nname = Planet Offline\n", "\ncache_directory = cache\n", "\noutput_dir = output\n");
        assertThat(text.lines().filter(l -> l.startsWith("# ")).count()).isGreaterThan(10);
        assertThat(ConfigLoader.load(List.of(dir.resolve("config.ini")), dir).subscriptions())
                .isEmpty();
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(dir.resolve("output/index.html"))).contains("Planet Offline");
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void neverOverwritesAConfig() throws Exception {
        Path config = Files.writeString(tmp.resolve("config.ini"), "[Planet]\nname = Mine\n");
        site.feed("/feed.xml", SiteServer.atom("Not asked"));

        var init = CliRun.of("init", tmp.toString(), site.url("/feed.xml"));

        assertThat(init.status()).isEqualTo(1);
        assertThat(init.err()).contains(config + " exists already and is left as it is");
        assertThat(Files.readString(config)).isEqualTo("[Planet]\nname = Mine\n");
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void saysWhenTheDirectoryCannotBeMadeAndWhenAUrlIsNone() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "");

        var notADirectory = CliRun.of("init", file.resolve("planet").toString());
        var notAUrl = CliRun.of("init", tmp.resolve("p").toString(), "two words");

        assertThat(notADirectory.status()).isEqualTo(Main.EXIT_CANT_CREATE);
        assertThat(notADirectory.err()).startsWith("orrery: cannot create the directory " + file.resolve("planet"));
        assertThat(notAUrl.status()).isEqualTo(2);
        assertThat(tmp.resolve("p")).doesNotExist();
    }

    @Test
    void saysHowToRunThePlanetInWordsAShellTakesAsThey() throws Exception {
        Path dir = tmp.resolve("Jane's planet");

        var init = CliRun.of("init", dir.toString());

        assertThat(init.out())
                .endsWith("publish it with: cd '" + tmp + "/Jane'\\''s planet' && orrery run config.ini\n");
        assertThat(InitCommand.shellWord("/srv/planet-1")).isEqualTo("/srv/planet-1");
        assertThat(InitCommand.shellWord("~/planet")).isEqualTo("'~/planet'");
    }

    /** Orrery in a JVM of its own, started in {@code workingDirectory}, as a maintainer would start it. */
    private CliRun orreryIn(Path workingDirectory, String... args) throws Exception {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process started = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(started.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new CliRun(
                started.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
