package org.orrery.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.orrery.Planet;
import org.orrery.config.ConfigException;
import org.orrery.config.PlanetConfig;
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
                + " templates, and warnings for options it does not know.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    ConfigFiles config;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PlanetConfig loaded;
        try {
            loaded = config.load();
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("orrery: " + e.getMessage());
            return Main.EXIT_CONFIG;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(loaded, out);
        } else {
            printText(loaded, out);
        }
        return 0;
    }

    private static void printText(PlanetConfig c, PrintWriter out) {
        out.printf("%s: %d subscriptions%n", c.name(), c.subscriptions().size());
        out.printf(
                "  config           %s%n",
                String.join(", ", c.sources().stream().map(Path::toString).toList()));
        out.printf("  link             %s%n", c.link().isEmpty() ? "(none)" : c.link());
        out.printf("  output directory %s%n", c.outputDir().toAbsolutePath().normalize());
        out.printf(
                "  database         %s%n",
                Planet.databaseFile(c).toAbsolutePath().normalize());
        out.printf("  items per page   %d%n", c.itemsPerPage());
        out.printf("  date formats     %s | %s%n", c.newDateFormat(), c.dateFormat());
        out.printf("  feed timeout     %d s%n", c.feedTimeout().toSeconds());
        out.printf("  time zone        %s%n", c.zone());
        out.printf(
                "  templates        %s%n",
                c.templateFiles().isEmpty() ? "(default theme)" : String.join(" ", c.templateFiles()));
        for (String warning : c.warnings()) {
            out.println("warning: " + warning);
        }
    }

    private static void printJson(PlanetConfig c, PrintWriter out) {
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
                    "database",
                    Planet.databaseFile(c).toAbsolutePath().normalize().toString());
            g.writeNumberField("items_per_page", c.itemsPerPage());
            g.writeStringField("date_format", c.dateFormat());
            g.writeStringField("new_date_format", c.newDateFormat());
            g.writeNumberField("feed_timeout", c.feedTimeout().toMillis() / 1000.0);
            g.writeStringField("time_zone", c.zone().getId());
            strings(g, "template_files", c.templateFiles());
            strings(g, "warnings", c.warnings());
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
