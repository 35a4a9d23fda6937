package org.orrery.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.orrery.config.PlanetConfig;
import org.orrery.publish.ThemeFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orrery check}: validate a config and say what Orrery understood of it. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Validate the config and print what Orrery understood: subscriptions, directories,"
                + " templates, and warnings: options it does not know, theme files it cannot find or"
                + " use, directories it cannot write. With --strict a warning is a failure (exit 78).")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    ConfigFiles config;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--strict", description = "Exit with 78 when there is any warning (for CI).")
    boolean strict;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<PlanetConfig> read = config.load(spec.commandLine().getErr());
        if (read.isEmpty()) {
            return Main.EXIT_CONFIG;
        }
        PlanetConfig loaded = read.get();
        var warnings = new ArrayList<>(loaded.warnings());
        warnings.addAll(ThemeFiles.load(loaded, Path.of("").toAbsolutePath()).warnings());
        directoryProblem("output_dir", loaded.outputDir()).ifPresent(warnings::add);
        directoryProblem("cache_directory", loaded.cacheDirectory()).ifPresent(warnings::add);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(loaded, warnings, out);
        } else {
            printText(loaded, warnings, out);
        }
        return strict && !warnings.isEmpty() ? Main.EXIT_CONFIG : 0;
    }

    /**
     * Why a run could not write into {@code directory}, found now rather than after a whole
     * fetch: it is a file, or it (or the nearest directory that exists above it, where it would
     * be created) cannot be written.
     */
    static Optional<String> directoryProblem(String option, Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return Optional.of(option + " " + dir + " is not a directory");
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return Optional.of(option + " " + dir + " cannot be created: " + existing + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            return Optional.of(option + " " + dir
                    + (existing.equals(dir) ? " cannot be written" : " cannot be created in " + existing));
        }
        return Optional.empty();
    }

    private static void printText(PlanetConfig c, List<String> warnings, PrintWriter out) {
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
        out.printf(
                "  templates        %s%n",
                c.templateFiles().isEmpty() ? "(default theme)" : String.join(" ", c.templateFiles()));
        for (String warning : warnings) {
            out.println("warning: " + warning);
        }
    }

    private static void printJson(PlanetConfig c, List<String> warnings, PrintWriter out) {
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
