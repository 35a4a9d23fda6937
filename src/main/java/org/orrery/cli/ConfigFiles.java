package org.orrery.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.orrery.config.ConfigException;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import picocli.CommandLine.Parameters;

/** The {@code CONFIG...} arguments shared by every command, and their loading. */
final class ConfigFiles {
    @Parameters(
            arity = "1..*",
            paramLabel = "CONFIG",
            description = "Planet Venus / Planet 2.0 config.ini file(s), read in order.")
    List<Path> files;

    /** For picocli, which sets {@link #files}. */
    ConfigFiles() {}

    ConfigFiles(List<Path> files) {
        this.files = files;
    }

    /** The planet's config, or empty after telling {@code err} why it cannot be read. */
    Optional<PlanetConfig> load(PrintWriter err) {
        return load(files, err);
    }

    /** The config read from {@code files}, or empty after telling {@code err} why it cannot be read. */
    static Optional<PlanetConfig> load(List<Path> files, PrintWriter err) {
        try {
            return Optional.of(ConfigLoader.load(files));
        } catch (ConfigException e) {
            err.println("orrery: " + e.getMessage());
            return Optional.empty();
        }
    }
}
