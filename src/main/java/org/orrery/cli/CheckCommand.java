package org.orrery.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.orrery.config.PlanetConfig;
import org.orrery.publish.ThemeFiles;
import org.orrery.render.Theme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code orrery check}: validate a config and say what Orrery understood of it, and whether {@code
 * run} and {@code build} could publish it: the migration check of a Venus or Planet 2.0 planet.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Validate the config and print what Orrery understood: subscriptions, directories,"
                + " templates (each found and compiled), and warnings: options it does not know or ignores,"
                + " filters it lacks, theme files it cannot use, directories it cannot write, relative"
                + " directories outside the config's. A configured theme that cannot be used is an error"
                + " (exit 78), as run and build refuse it, unless --allow-default-theme is given. With"
                + " --strict a warning is a failure too.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    ConfigFiles config;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--strict", description = "Exit with 78 when there is any warning (for CI).")
    boolean strict;

    @Option(
            names = Preflight.ALLOW_DEFAULT_THEME,
            description = "Check as run and build would with this option: a theme file that cannot be used is"
                    + " a warning (the default theme's file is published instead), not an error.")
    boolean allowDefaultTheme;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<PlanetConfig> read = config.load(spec.commandLine().getErr());
        if (read.isEmpty()) {
            return Main.EXIT_CONFIG;
        }
        PlanetConfig loaded = read.get();
        Path workingDirectory = Path.of("").toAbsolutePath();
        var warnings = new ArrayList<>(loaded.warnings());
        var errors = new ArrayList<String>();
        Theme theme = ThemeFiles.load(loaded, workingDirectory);
        List<String> fallbacks =
                theme.fallbacks().stream().map(Theme.Fallback::warning).toList();
        if (allowDefaultTheme) {
            warnings.addAll(theme.warnings());
        } else {
            theme.fallbacks().stream().map(Preflight::refusal).forEach(errors::add);
            theme.warnings().stream().filter(w -> !fallbacks.contains(w)).forEach(warnings::add);
        }
        warnings.addAll(Preflight.directoryProblems(loaded));
        warnings.addAll(Preflight.outsideConfigDirectory(loaded, workingDirectory));
        // On standard error, as run and build say them; the JSON report lists them too.
        errors.forEach(e -> spec.commandLine().getErr().println("orrery: theme: " + e));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(loaded, theme, errors, warnings, out);
        } else {
            printText(loaded, theme, warnings, out);
        }
        return !errors.isEmpty() || (strict && !warnings.isEmpty()) ? Main.EXIT_CONFIG : 0;
    }

    private static void printText(PlanetConfig c, Theme theme, List<String> warnings, PrintWriter out) {
        out.printf("%s: %d subscriptions%n", c.name(), c.subscriptions().size());
        out.printf(
                "  config           %s%n",
                String.join(", ", c.sources().stream().map(Path::toString).toList()));
        out.printf("  link             %s%n", c.link().isEmpty() ? "(none)" : c.link());
        out.printf("  output directory %s%n", c.outputDir().toAbsolutePath().normalize());
        out.printf("  database         %s%n", c.databaseFile().toAbsolutePath().normalize());
        out.printf("  items per page   %d%n", c.itemsPerPage());
        out.printf("  date formats     %s | %s%n", c.newDateFormat(), c.dateFormat());
        out.printf("  feed timeout     %d s%n", c.feedTimeout().toSeconds());
        out.printf("  time zone        %s%n", c.zone());
        out.printf("  dialect          %s%n", c.options().dialect().describe());
        c.options().outputTheme().ifPresent(t -> out.printf("  output theme     %s%n", t));
        out.printf(
                "  templates        %s%n",
                c.templateFiles().isEmpty()
                        ? c.options().outputTheme().isPresent() ? "(the output theme's)" : "(default theme)"
                        : String.join(" ", c.templateFiles()));
        for (Path file : theme.files()) {
            out.printf("  theme file       %s%n", file);
        }
        for (String warning : warnings) {
            out.println("warning: " + warning);
        }
    }

    private static void printJson(
            PlanetConfig c, Theme theme, List<String> errors, List<String> warnings, PrintWriter out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            strings(g, "config", c.sources().stream().map(Path::toString).toList());
            g.writeStringField("name", c.name());
            g.writeStringField("link", c.link());
            g.writeStringField("owner_name", c.ownerName());
            g.writeStringField("owner_email", c.ownerEmail());
            g.writeNumberField("subscriptions", c.subscriptions().size());
            g.writeStringField(
                    "output_dir", c.outputDir().toAbsolutePath().normalize().toString());
            g.writeStringField(
                    "cache_directory",
                    c.cacheDirectory().toAbsolutePath().normalize().toString());
            g.writeStringField(
                    "database", c.databaseFile().toAbsolutePath().normalize().toString());
            g.writeNumberField("items_per_page", c.itemsPerPage());
            g.writeStringField("date_format", c.dateFormat());
            g.writeStringField("new_date_format", c.newDateFormat());
            g.writeNumberField("feed_timeout", c.feedTimeout().toMillis() / 1000.0);
            g.writeStringField("time_zone", c.zone().getId());
            g.writeStringField("dialect", c.options().dialect().dialect().optionValue());
            g.writeStringField("dialect_reason", c.options().dialect().reason());
            strings(g, "template_files", c.templateFiles());
            strings(g, "theme_files", theme.files().stream().map(Path::toString).toList());
            strings(g, "errors", errors);
            strings(g, "warnings", warnings);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to standard output", e);
        }
        out.println();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
