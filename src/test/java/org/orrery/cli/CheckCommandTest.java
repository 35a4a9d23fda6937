package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.config.CorpusConfigs;

/** {@code orrery check} on real planets' configs and on broken ones. */
class CheckCommandTest {
    @TempDir
    Path dir;

    static Stream<String> corpus() {
        return CorpusConfigs.SUBSCRIPTIONS.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void reportsAsManySubscriptionsAsPythonsConfigParser(String file) throws IOException {
        var out = new StringWriter();
        int status = Main.execute(
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                "check",
                "--json",
                // The planets' themes are not in the corpus.
                "--allow-default-theme",
                CorpusConfigs.directory().resolve(file).toString());

        assertThat(status).isZero();
        assertThat(topLevelFields(out.toString()))
                .containsEntry("subscriptions", String.valueOf(CorpusConfigs.SUBSCRIPTIONS.get(file)));
    }

    @Test
    void reportsWhatItUnderstoodOfPlanetPython() throws IOException {
        var out = new StringWriter();
        Main.execute(
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                "check",
                "--json",
                CorpusConfigs.directory().resolve("planet-python.ini").toString());

        assertThat(topLevelFields(out.toString()))
                .containsEntry("name", "Planet Python")
                .containsEntry("output_dir", "/srv/planetpython.org")
                .containsEntry("database", "/srv/cache/orrery.db")
                .containsEntry("items_per_page", "25")
                .containsEntry("date_format", "%B %d, %Y %I:%M %p %Z");
    }

    @Test
    void warnsOfUnknownOptionsInText() throws IOException {
        Path config = Files.writeString(dir.resolve("config.ini"), "[Planet]\nname = P\nitem_per_page = 5\n");
        var out = new StringWriter();

        int status = Main.execute(
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "check", config.toString());

        assertThat(status).isZero();
        assertThat(out.toString())
                .contains("P: 0 subscriptions")
                .contains("warning: " + config + ":3:", "item_per_page");
    }

    @Test
    void aThemeThatCannotBeUsedIsAnErrorNamingEachFileAsRunAndBuildRefuseIt() throws IOException {
        Files.writeString(dir.resolve("index.html.genshi"), "<html/>");
        Files.writeString(dir.resolve("bad.html.tmpl"), "<p>\n</TMPL_IF>\n");
        Path config = Files.writeString(
                dir.resolve("config.ini"),
                "[Planet]\nname = P\noutput_theme = classic_fancy\n"
                        + "template_files = index.html.genshi gone.xml.tmpl bad.html.tmpl\n"
                        + "output_dir = " + dir.resolve("output") + "\ncache_directory = " + dir.resolve("cache")
                        + "\n");

        var check = CliRun.of("check", config.toString());

        assertThat(check.status()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(check.err().lines())
                .containsExactly(
                        "orrery: theme: output_theme classic_fancy not found in ["
                                + Path.of("").toAbsolutePath()
                                + ", " + dir + "]; the default theme is not published in its place unless"
                                + " --allow-default-theme is given",
                        "orrery: theme: template_files index.html.genshi: its engine (genshi) is not provided by"
                                + " Orrery: Genshi templates read Venus's feedparser objects, which Orrery does not"
                                + " have; write it as a Django (.dj), htmltmpl (.tmpl) or Pebble (.peb) template ("
                                + dir.resolve("index.html.genshi") + "); the default index.html is not published in"
                                + " its place unless --allow-default-theme is given",
                        "orrery: theme: template_files gone.xml.tmpl not found in ["
                                + Path.of("").toAbsolutePath()
                                + ", " + dir + "]; the default gone.xml is not published in its place unless"
                                + " --allow-default-theme is given",
                        "orrery: theme: template_files " + dir.resolve("bad.html.tmpl") + " cannot be used: "
                                + dir.resolve("bad.html.tmpl") + ":2: </TMPL_IF> closes nothing; the default"
                                + " bad.html is not published in its place unless --allow-default-theme is given");
        assertThat(check.out()).doesNotContain("warning");
    }

    @Test
    void withAllowDefaultThemeThoseAreWarningsThatStrictStillFails() throws IOException {
        Path config = Files.writeString(
                dir.resolve("config.ini"),
                "[Planet]\nname = P\noutput_theme = classic_fancy\noutput_dir = %s\ncache_directory = %s\n"
                        .formatted(dir.resolve("output"), dir.resolve("cache")));

        var allowed = CliRun.of("check", "--allow-default-theme", config.toString());
        var strict = CliRun.of("check", "--allow-default-theme", "--strict", config.toString());

        assertThat(allowed.status()).isZero();
        assertThat(allowed.err()).isEmpty();
        assertThat(allowed.out())
                .contains("warning: output_theme classic_fancy not found in [")
                .contains("]; the default theme is published");
        assertThat(strict.status()).isEqualTo(Main.EXIT_CONFIG);
    }

    @Test
    void resolvesAndListsEveryFileOfTheTheme() throws IOException {
        Path theme = Files.createDirectories(dir.resolve("theme"));
        Files.writeString(
                theme.resolve("config.ini"),
                "[Planet]\ntemplate_files = index.html.tmpl\nbill_of_materials = style.css\n");
        Files.writeString(theme.resolve("index.html.tmpl"), "<TMPL_VAR name>");
        Files.writeString(theme.resolve("style.css"), "body {}");
        Path config = Files.writeString(
                dir.resolve("config.ini"),
                "[Planet]\nname = P\noutput_theme = %s\noutput_dir = %s\ncache_directory = %s\n"
                        .formatted(theme, dir.resolve("output"), dir.resolve("cache")));

        var check = CliRun.of("check", "--strict", config.toString());

        assertThat(check.status()).as(check.out() + check.err()).isZero();
        assertThat(check.out())
                .contains("  theme file       " + theme.resolve("index.html.tmpl"))
                .contains("  theme file       " + theme.resolve("style.css"));
    }

    @Test
    void reportsDirectoriesItCannotWriteBeforeAnyFetch() throws IOException {
        Files.writeString(dir.resolve("occupied"), "a file where output_dir should be");
        Path config = Files.writeString(
                dir.resolve("config.ini"),
                "[Planet]\nname = P\noutput_dir = %s\ncache_directory = %s\n"
                        .formatted(dir.resolve("occupied"), dir.resolve("occupied/cache")));

        var check = CliRun.of("check", config.toString());

        assertThat(check.status()).isZero();
        assertThat(check.out())
                .contains("warning: output_dir " + dir.resolve("occupied") + " is not a directory")
                .contains("warning: cache_directory " + dir.resolve("occupied/cache") + " cannot be created: "
                        + dir.resolve("occupied") + " is not a directory");
        assertThat(CliRun.of("check", "--strict", config.toString()).status()).isEqualTo(Main.EXIT_CONFIG);
    }

    @Test
    void optionsOrreryIgnoresAndFiltersItLacksAreWarningsNamingTheLine() throws IOException {
        Path config = Files.writeString(
                dir.resolve("config.ini"),
                "[Planet]\nname = P\nlog_level = DEBUG\ncache_sources_directory = cache/sources\n"
                        + "filters = excerpt.py mememe.plugin\noutput_dir = %s\ncache_directory = %s\n"
                                .formatted(dir.resolve("output"), dir.resolve("cache")));

        var check = CliRun.of("check", config.toString());

        assertThat(check.status()).isZero();
        assertThat(check.out())
                .contains("warning: " + config
                        + ":3: [Planet] log_level = DEBUG is ignored by Orrery (Venus's log level;")
                .contains("warning: " + config
                        + ":4: [Planet] cache_sources_directory = cache/sources is ignored by Orrery")
                .contains("warning: " + config + ":5: filter mememe.plugin is not one Orrery provides")
                .doesNotContain("excerpt.py is not");
        assertThat(CliRun.of("check", "--strict", config.toString()).status()).isEqualTo(Main.EXIT_CONFIG);

        // At its default, an ignored option changes nothing from Venus.
        Files.writeString(config, Files.readString(config).replace("DEBUG", "WARNING"));
        assertThat(CliRun.of("check", config.toString()).out()).doesNotContain("log_level");
    }

    @Test
    void warnsWhenRelativeDirectoriesResolveOutsideTheConfigsDirectory() throws IOException {
        // The tests run in the project's directory, not in the config's.
        Path config = Files.writeString(dir.resolve("config.ini"), "[Planet]\nname = P\noutput_dir = site\n");
        Path here = Path.of("").toAbsolutePath();

        var check = CliRun.of("check", config.toString());

        assertThat(check.status()).isZero();
        assertThat(check.out())
                .contains("warning: cache_directory cache is relative, so it resolves against the working directory "
                        + here + " (as in Venus) to " + here.resolve("cache") + ", outside " + dir
                        + " where the config is; run from there or write an absolute path")
                .contains("warning: output_dir site is relative, so it resolves against the working directory " + here
                        + " (as in Venus) to " + here.resolve("site") + ", outside " + dir);
        assertThat(Files.exists(here.resolve("site"))).isFalse();
    }

    @Test
    void strictTurnsAnyWarningIntoAFailureForCi() throws IOException {
        String directories = "output_dir = %s\ncache_directory = %s\n".formatted(dir.resolve("o"), dir.resolve("c"));
        Path clean = Files.writeString(dir.resolve("clean.ini"), "[Planet]\nname = P\n" + directories);
        Path warned =
                Files.writeString(dir.resolve("warned.ini"), "[Planet]\nname = P\nitem_per_page = 5\n" + directories);

        assertThat(CliRun.of("check", "--strict", clean.toString()).status()).isZero();
        assertThat(CliRun.of("check", "--strict", warned.toString()).status()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(CliRun.of("check", warned.toString()).status()).isZero();
    }

    @Test
    void missingPlanetSectionIsAConfigError() throws IOException {
        Path config = Files.writeString(dir.resolve("config.ini"), "[http://example.org/feed]\nname = x\n");
        var err = new StringWriter();

        int status = Main.execute(
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "check", config.toString());

        assertThat(status).isEqualTo(Main.EXIT_CONFIG);
        assertThat(err.toString()).contains(config.toString(), "[Planet]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"feed_timeout = 0", "feed_timeout = 0.0004", "feed_timeout = -5", "link = not a url"})
    void aValueRunCannotUseIsRefusedByCheckAndRunAlikeWithFileAndLine(String option) throws IOException {
        Path config = Files.writeString(
                dir.resolve("config.ini"),
                "[Planet]\nname = P\ncache_directory = %s\noutput_dir = %s\n%s\n"
                        .formatted(dir.resolve("cache"), dir.resolve("output"), option));

        var check = CliRun.of("check", config.toString());
        var run = CliRun.of("run", config.toString());
        var build = CliRun.of("build", config.toString());

        assertThat(check.status()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(check.err()).startsWith("orrery: " + config + ":5: [Planet] " + option.split(" ")[0] + " must be");
        assertThat(run.status()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(build.status()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(run.err()).isEqualTo(check.err());
        assertThat(build.err()).isEqualTo(check.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.css", "/etc/outside.css", "images/../../outside.css"})
    void billOfMaterialsOutsideTheOutputIsAConfigErrorForCheckAndBuild(String name) throws IOException {
        Path config = Files.writeString(
                dir.resolve("config.ini"),
                "[Planet]\nname = P\ncache_directory = %s\noutput_dir = %s\nbill_of_materials = planet.css %s\n"
                        .formatted(dir.resolve("cache"), dir.resolve("output"), name));

        var check = CliRun.of("check", config.toString());
        var build = CliRun.of("build", config.toString());

        assertThat(check.status()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(check.err()).contains(config + ":5:", "bill_of_materials", name);
        assertThat(build.status()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(build.err()).contains(config + ":5:", "bill_of_materials").doesNotContain("\tat ");
        assertThat(dir.resolve("output/index.html")).doesNotExist();
    }

    @Test
    void themeBillOfMaterialsOutsideTheOutputIsSkippedAndTheRestPublished() throws IOException {
        Path theme = Files.createDirectories(dir.resolve("theme"));
        Files.writeString(theme.resolve("config.ini"), "[Planet]\nbill_of_materials = ../escaped.css style.css\n");
        Files.writeString(theme.resolve("style.css"), "body {}");
        Files.writeString(dir.resolve("escaped.css"), "not for the site");
        Path config = Files.writeString(
                dir.resolve("config.ini"),
                "[Planet]\nname = P\ncache_directory = %s\noutput_dir = %s\noutput_theme = %s\n"
                        .formatted(dir.resolve("cache"), dir.resolve("site/output"), theme));

        var build = CliRun.of("build", config.toString());

        assertThat(build.status()).isZero();
        assertThat(dir.resolve("site/output/style.css")).hasContent("body {}");
        assertThat(dir.resolve("site/escaped.css")).doesNotExist();
    }

    /** The scalar fields of a JSON object, as text. */
    private static Map<String, String> topLevelFields(String json) throws IOException {
        var fields = new HashMap<String, String>();
        try (var parser = new JsonFactory().createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken().isScalarValue()) {
                    fields.put(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        }
        return fields;
    }
}
