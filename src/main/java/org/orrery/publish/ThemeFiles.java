package org.orrery.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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

    private ThemeFiles() {}

    /** The planet's theme as publishing uses it, from the working directory; what cannot be used is logged. */
    public static Theme forPublishing(PlanetConfig config) {
        Theme theme = load(config, Path.of("").toAbsolutePath());
        theme.warnings().forEach(w -> log.warn("theme: {}", w));
        return theme;
    }

    /** The planet's theme; {@link Theme#warnings()} says what could not be used. */
    public static Theme load(PlanetConfig config, Path workingDirectory) {
        var directories = new LinkedHashSet<Path>();
        var templates = new ArrayList<>(config.templateFiles());
        var materials = new ArrayList<>(config.options().billOfMaterials());
        var warnings = new ArrayList<String>();
        for (String dir : config.options().templateDirectories()) {
            directories.add(workingDirectory.resolve(dir).normalize());
        }
        List<Path> configDirectories = config.sources().stream()
                .map(p -> p.toAbsolutePath().getParent())
                .toList();
        Optional<String> themeName = config.options().outputTheme().filter(t -> !t.isBlank());
        if (themeName.isPresent()) {
            Optional<Path> themeDir = java.util.stream.Stream.concat(
                            java.util.stream.Stream.of(workingDirectory), configDirectories.stream())
                    .map(d -> d.resolve(themeName.get()))
                    .filter(Files::isDirectory)
                    .findFirst();
            if (themeDir.isEmpty()) {
                warnings.add("output_theme " + themeName.get() + " not found; the default theme is published");
            } else {
                directories.add(themeDir.get());
                readThemeConfig(themeDir.get(), templates, materials, directories, warnings);
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
        if (warnings.isEmpty()) {
            return theme;
        }
        warnings.addAll(theme.warnings());
        return theme.withWarnings(warnings);
    }

    /** Venus merges a theme's config.ini: its template lists are added to the planet's. */
    private static void readThemeConfig(
            Path themeDir,
            List<String> templates,
            List<String> materials,
            LinkedHashSet<Path> dirs,
            List<String> warnings) {
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
            warnings.add("theme config " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static void addNew(String name, List<String> into) {
        if (!into.contains(name)) {
            into.add(name);
        }
    }
}
