package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigException;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;

/**
 * {@code run} and {@code build} make sure the site can be published as configured before they
 * fetch or write anything: a theme that cannot be used is refused rather than silently replaced
 * by the default one (unless {@code --allow-default-theme}), and a directory that cannot be
 * written is found before the first request, which the loopback server counts.
 */
class PreflightTest {
    @TempDir
    Path dir;

    private FeedServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new FeedServer("e2e");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void buildRefusesAMissingOutputThemeAndCreatesNothing() throws IOException {
        Path config = config("output_theme = classic_fancy\n");

        var build = CliRun.of("build", config.toString());

        assertThat(build.status()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(build.err().lines())
                .singleElement()
                .asString()
                .startsWith("orrery: theme: output_theme classic_fancy not found in [")
                .endsWith("]; the default theme is not published in its place unless --allow-default-theme is given");
        assertThat(dir.resolve("output")).doesNotExist();
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    @Test
    void buildWithAllowDefaultThemePublishesTheDefaultTheme() throws IOException {
        Path config = config("output_theme = classic_fancy\n");

        var build = CliRun.of("build", "--allow-default-theme", config.toString());

        assertThat(build.status()).as(build.err()).isZero();
        assertThat(dir.resolve("output/planet.css")).exists();
        assertThat(Jsoup.parse(dir.resolve("output/index.html"))
                        .select("link[rel=stylesheet]")
                        .attr("href"))
                .endsWith("planet.css");
    }

    @Test
    void runRefusesAMissingTemplateBeforeAnyFetch() throws IOException {
        Path config = config("template_files = index.html.tmpl\n");

        var run = CliRun.of("run", config.toString());

        assertThat(run.status()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(run.err()).contains("orrery: theme: template_files index.html.tmpl not found in [");
        assertThat(server.requests()).isEmpty();
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    @Test
    void runRefusesATemplateThatDoesNotCompileNamingFileAndLineBeforeAnyFetch() throws IOException {
        Path template = Files.writeString(dir.resolve("index.html.tmpl"), "<html>\n</TMPL_LOOP>\n</html>\n");
        Path config = config("template_files = index.html.tmpl\n");

        var run = CliRun.of("run", config.toString());

        assertThat(run.status()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(run.err())
                .contains("orrery: theme: template_files " + template + " cannot be used: " + template
                        + ":2: </TMPL_LOOP> closes nothing; the default index.html is not published");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void runWithAllowDefaultThemeFetchesAndPublishesTheDefaultInPlaceOfTheMissingTemplate() throws IOException {
        Path config = config("template_files = index.html.tmpl\n");

        var run = CliRun.of("run", "--allow-default-theme", config.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(server.requests()).hasSize(2);
        assertThat(Jsoup.parse(dir.resolve("output/index.html")).select("article.h-entry"))
                .isNotEmpty();
    }

    @Test
    void runWithAThemeThatCompilesPublishesIt() throws IOException {
        Files.writeString(
                dir.resolve("index.html.tmpl"),
                "<html><body><TMPL_LOOP Items><p class=\"mine\"><TMPL_VAR title></p></TMPL_LOOP></body></html>\n");
        Path config = config("template_files = index.html.tmpl\n");

        var run = CliRun.of("run", config.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Jsoup.parse(dir.resolve("output/index.html")).select("p.mine"))
                .isNotEmpty();
    }

    @Test
    void runFindsAnOutputDirItCannotCreateBeforeAnyFetch() throws IOException {
        Path occupied = Files.writeString(dir.resolve("occupied"), "a file where a directory should be");
        Path config = config("", occupied.resolve("site"), dir.resolve("cache"));

        var run = CliRun.of("run", config.toString());

        assertThat(run.status()).isEqualTo(Main.EXIT_CANT_CREATE);
        assertThat(run.err())
                .isEqualTo("orrery: output_dir " + occupied.resolve("site") + " cannot be created: " + occupied
                        + " is not a directory; nothing was fetched or published\n");
        assertThat(server.requests()).isEmpty();
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    @Test
    void runFindsACacheDirectoryThatIsAFileBeforeAnyFetch() throws IOException {
        Path occupied = Files.writeString(dir.resolve("cache"), "a file where the cache directory should be");
        Path config = config("", dir.resolve("output"), occupied);

        var run = CliRun.of("run", config.toString());

        assertThat(run.status()).isEqualTo(Main.EXIT_CANT_CREATE);
        assertThat(run.err()).contains("orrery: cache_directory " + occupied + " is not a directory");
        assertThat(server.requests()).isEmpty();
        assertThat(dir.resolve("output")).doesNotExist();
    }

    @Test
    void relativeDirectoriesOutsideTheConfigsDirectoryAreWarnedOfOnlyWhenRunFromElsewhere() throws Exception {
        Path planet = Files.createDirectories(dir.resolve("srv/planet"));
        Path config = Files.writeString(
                planet.resolve("config.ini"), "[Planet]\nname = P\ncache_directory = cache\noutput_dir = ../htdocs\n");
        Path home = Files.createDirectories(dir.resolve("home"));

        assertThat(Preflight.outsideConfigDirectory(load(config, planet), planet))
                .isEmpty();
        assertThat(Preflight.outsideConfigDirectory(load(config, home), home))
                .containsExactly(
                        "cache_directory cache is relative, so it resolves against the working directory " + home
                                + " (as in Venus) to " + home.resolve("cache") + ", outside " + planet
                                + " where the config is; run from there or write an absolute path",
                        "output_dir ../htdocs is relative, so it resolves against the working directory " + home
                                + " (as in Venus) to " + dir.resolve("htdocs") + ", outside " + planet
                                + " where the config is; run from there or write an absolute path");
        Path absolute = Files.writeString(
                planet.resolve("absolute.ini"),
                "[Planet]\nname = P\ncache_directory = %s\noutput_dir = %s\n"
                        .formatted(home.resolve("cache"), home.resolve("output")));
        assertThat(Preflight.outsideConfigDirectory(load(absolute, home), home)).isEmpty();
    }

    @Test
    void aCronRunFromAnotherDirectoryWarnsBeforeMakingThePlanetThere() throws Exception {
        Path planet = Files.createDirectories(dir.resolve("planet"));
        Path config = Files.writeString(
                planet.resolve("config.ini"),
                "[Planet]\nname = P\n\n[%s]\nname = Moshe\n".formatted(server.url("moshe.atom")));
        Path home = Files.createDirectories(dir.resolve("home"));

        var run = orreryIn(home, "run", config.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err())
                .contains("warning: cache_directory cache is relative, so it resolves against the working directory "
                        + home + " (as in Venus) to " + home.resolve("cache") + ", outside " + planet)
                .contains("warning: output_dir output is relative");
        // Venus's rule is kept: the warning says where the planet went.
        assertThat(home.resolve("output/index.html")).exists();
        assertThat(planet.resolve("output")).doesNotExist();

        var fromPlanet = orreryIn(planet, "run", config.toString());

        assertThat(fromPlanet.status()).isZero();
        assertThat(fromPlanet.err()).doesNotContain("warning");
    }

    private Path config(String themeLines) throws IOException {
        return config(themeLines, dir.resolve("output"), dir.resolve("cache"));
    }

    private Path config(String themeLines, Path output, Path cache) throws IOException {
        return Files.writeString(
                dir.resolve("config.ini"),
                """
                [Planet]
                name = Planet Preflight
                cache_directory = %s
                output_dir = %s
                %s
                [%s]
                name = Moshe Zadka

                [%s]
                name = Itamar Turner-Trauring
                """
                        .formatted(cache, output, themeLines, server.url("moshe.atom"), server.url("itamar.rss")));
    }

    private static PlanetConfig load(Path config, Path workingDirectory) throws ConfigException {
        return ConfigLoader.load(List.of(config), workingDirectory);
    }

    /** Orrery in a JVM of its own, started in {@code workingDirectory}, as cron would start it. */
    private CliRun orreryIn(Path workingDirectory, String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
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
