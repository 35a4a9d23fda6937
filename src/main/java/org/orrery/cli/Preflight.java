package org.orrery.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.orrery.config.OptionTable;
import org.orrery.config.PlanetConfig;
import org.orrery.publish.ThemeFiles;
import org.orrery.render.Theme;

/**
 * What {@code run} and {@code build} make sure of before they lock, create or fetch anything, so
 * that a site that cannot be published as configured is found in a second rather than after a
 * whole fetch; {@code check} reports the same.
 */
final class Preflight {
    /** The option that lets publishing put the default theme's files in place of broken ones. */
    static final String ALLOW_DEFAULT_THEME = "--allow-default-theme";

    private Preflight() {}

    /**
     * Warns on {@code err} of relative directories that resolve outside the config's directory;
     * stops (with the exit status) when {@code output_dir} or {@code cache_directory} cannot be
     * written, or when the configured theme cannot be used and {@code allowDefaultTheme} is not
     * given. Each problem is one line on {@code err}; warnings go to {@code notes}.
     */
    static OptionalInt publishing(PlanetConfig config, boolean allowDefaultTheme, PrintWriter err, PrintWriter notes) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        warnOutsideConfigDirectory(config, workingDirectory, notes);
        List<String> directories = directoryProblems(config);
        if (!directories.isEmpty()) {
            directories.forEach(problem -> err.println("orrery: " + problem + "; nothing was fetched or published"));
            return OptionalInt.of(Main.EXIT_CANT_CREATE);
        }
        Theme theme = ThemeFiles.checkBeforePublishing(config);
        if (allowDefaultTheme || theme.fallbacks().isEmpty()) {
            return OptionalInt.empty();
        }
        theme.fallbacks().forEach(f -> err.println("orrery: theme: " + refusal(f)));
        return OptionalInt.of(Main.EXIT_CONFIG);
    }

    /** Warns on {@code err} of relative directories that resolve outside the config's directory. */
    static void warnOutsideConfigDirectory(PlanetConfig config, Path workingDirectory, PrintWriter err) {
        outsideConfigDirectory(config, workingDirectory).forEach(w -> err.println("warning: " + w));
    }

    /** A theme problem as {@code run}, {@code build} and {@code check} refuse it. */
    static String refusal(Theme.Fallback fallback) {
        return fallback.problem() + "; " + fallback.instead() + " is not published in its place unless "
                + ALLOW_DEFAULT_THEME + " is given";
    }

    /** Why {@code output_dir} or {@code cache_directory} could not be written, if either cannot. */
    static List<String> directoryProblems(PlanetConfig config) {
        var problems = new ArrayList<String>();
        directoryProblem("output_dir", config.outputDir()).ifPresent(problems::add);
        directoryProblem("cache_directory", config.cacheDirectory()).ifPresent(problems::add);
        return problems;
    }

    /**
     * Why a run could not write into {@code directory}: it is a file, or it (or the nearest
     * directory that exists above it, where it would be created) cannot be written.
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

    /**
     * {@code cache_directory} and {@code output_dir}, when written as relative paths, resolve
     * against the working directory (Venus's rule, kept). Run from elsewhere than the config's
     * directory, one that lands outside it is most likely a run started by mistake in another
     * directory (cron starts in the home directory), which would make a new planet there.
     */
    static List<String> outsideConfigDirectory(PlanetConfig config, Path workingDirectory) {
        List<Path> configDirectories = config.sources().stream()
                .map(p -> p.toAbsolutePath().normalize().getParent())
                .distinct()
                .toList();
        var warnings = new ArrayList<String>();
        if (configDirectories.contains(workingDirectory.normalize())) {
            // Run beside the config, a path such as ../htdocs means what it says.
            return warnings;
        }
        for (String option : List.of("cache_directory", "output_dir")) {
            String written = config.planetOptions()
                    .getOrDefault(option, OptionTable.of(option).orElseThrow().defaultWritten())
                    .strip();
            Path resolved = workingDirectory.resolve(written).normalize();
            if (Path.of(written).isAbsolute() || configDirectories.stream().anyMatch(resolved::startsWith)) {
                continue;
            }
            warnings.add(option + " " + written + " is relative, so it resolves against the working directory "
                    + workingDirectory + " (as in Venus) to " + resolved + ", outside "
                    + (configDirectories.size() == 1 ? configDirectories.getFirst() : configDirectories)
                    + " where the config is; run from there or write an absolute path");
        }
        return warnings;
    }
}
