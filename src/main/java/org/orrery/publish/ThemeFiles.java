package org.orrery.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.orrery.config.ConfigException;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.config.ThemeConfig;
import org.orrery.render.Theme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a planet's theme as Venus does: {@code output_theme} names a directory (relative to the
 * working directory, else to the config file) whose own {@code config.ini} adds its {@code
 * template_files} and {@code bill_of_materials}; templates are searched in {@code
 * template_directories}, the theme's directory and the config file's directory.
 */
public final class ThemeFiles {
    private static final Logger log = LoggerFactory.getLogger(ThemeFiles.class);

    /** A theme checked before a run, for that run's publishing. */
    private record Checked(PlanetConfig config, Path workingDirectory, Theme theme) {}

    /**
     * The theme {@link #checkBeforePublishing} loaded, taken by the next {@link #forPublishing}
     * of the same config: compiling an XSLT theme takes a tenth of a second or more, as much as
     * the rest of a run whose feeds all answer 304.
     */
    private static final AtomicReference<Checked> CHECKED = new AtomicReference<>();

    private ThemeFiles() {}

    /**
     * The planet's theme as publishing uses it, from the working directory (the one {@link
     * #checkBeforePublishing} loaded for this config, if any); what cannot be used is logged.
     */
    public static Theme forPublishing(PlanetConfig config) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Checked checked = CHECKED.getAndSet(null);
        Theme theme = checked != null
                        && checked.config() == config
                        && checked.workingDirectory().equals(workingDirectory)
                ? checked.theme()
                : load(config, workingDirectory);
        theme.warnings().forEach(w -> log.warn("theme: {}", w));
        return theme;
    }

    /**
     * {@link #load} from the working directory before a run or build opens the planet; its
     * first publishing of this same config then uses this theme rather than compiling it again.
     */
    public static Theme checkBeforePublishing(PlanetConfig config) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Theme theme = load(config, workingDirectory);
        CHECKED.set(new Checked(config, workingDirectory, theme));
        return theme;
    }

    /**
     * The planet's theme, its templates compiled; {@link Theme#warnings()} says what could not be
     * used, and {@link Theme#fallbacks()} which of it the default theme would replace.
     */
    public static Theme load(PlanetConfig config, Path workingDirectory) {
        var directories = new LinkedHashSet<Path>();
        var templates = new ArrayList<>(config.templateFiles());
        var materials = new ArrayList<>(config.options().billOfMaterials());
        var warnings = new ArrayList<String>();
        var fallbacks = new ArrayList<Theme.Fallback>();
        for (String dir : config.options().templateDirectories()) {
            directories.add(workingDirectory.resolve(dir).normalize());
        }
        List<Path> configDirectories = config.sources().stream()
                .map(p -> p.toAbsolutePath().getParent())
                .toList();
        Optional<String> themeName = config.options().outputTheme().filter(t -> !t.isBlank());
        if (themeName.isPresent()) {
            List<Path> themeSearch = Stream.concat(Stream.of(workingDirectory), configDirectories.stream())
                    .distinct()
                    .toList();
            Optional<Path> themeDir = themeSearch.stream()
                    .map(d -> d.resolve(themeName.get()))
                    .filter(Files::isDirectory)
                    .findFirst();
            if (themeDir.isEmpty()) {
                fallbacks.add(new Theme.Fallback(
                        "output_theme " + themeName.get() + " not found in " + themeSearch, "the default theme"));
            } else {
                directories.add(themeDir.get());
                readThemeConfig(themeDir.get(), templates, materials, directories, fallbacks);
            }
        }
        directories.addAll(configDirectories);
        materials = new ArrayList<>(Theme.expand(
                materials, config.subscriptions().stream().map(s -> s.options()).toList()));
        // The planet's own list was checked with the config; a theme's, or a subscription's
        // option expanded into it (images/#{face}), may still name "../x".
        for (String name : List.copyOf(materials)) {
            if (!ConfigLoader.insideOutput(name)) {
                materials.remove(name);
                warnings.add("bill_of_materials file " + name + " of output_theme is outside output_dir; not copied");
            }
        }
        Theme theme = Theme.load(templates, List.copyOf(directories), materials);
        if (warnings.isEmpty() && fallbacks.isEmpty()) {
            return theme;
        }
        var allWarnings = new ArrayList<String>();
        fallbacks.forEach(f -> allWarnings.add(f.warning()));
        allWarnings.addAll(warnings);
        allWarnings.addAll(theme.warnings());
        fallbacks.addAll(theme.fallbacks());
        return theme.withWarnings(allWarnings, fallbacks);
    }

    /** Venus merges a theme's config.ini: its template lists are added to the planet's. */
    private static void readThemeConfig(
            Path themeDir,
            List<String> templates,
            List<String> materials,
            LinkedHashSet<Path> dirs,
            List<Theme.Fallback> fallbacks) {
        Path file = themeDir.resolve("config.ini");
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            ThemeConfig theme = ThemeConfig.read(file);
            theme.templateFiles().forEach(t -> addNew(t, templates));
            theme.billOfMaterials().forEach(m -> addNew(m, materials));
            theme.templateDirectories()
                    .forEach(d -> dirs.add(themeDir.resolve(d).normalize()));
        } catch (ConfigException e) {
            fallbacks.add(new Theme.Fallback(
                    "theme config " + file + " cannot be read: " + e.getMessage(),
                    "the default theme's files in place of the templates it names"));
        }
    }

    private static void addNew(String name, List<String> into) {
        if (!into.contains(name)) {
            into.add(name);
        }
    }
}
