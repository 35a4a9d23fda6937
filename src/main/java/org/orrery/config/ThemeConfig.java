package org.orrery.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a theme's own {@code config.ini} adds to the planet's, as Venus merges it: the {@code
 * template_files}, {@code bill_of_materials} and {@code template_directories} its {@code [Planet]}
 * names, each empty when it names none (a theme's file adds only what it says).
 */
public record ThemeConfig(List<String> templateFiles, List<String> billOfMaterials, List<String> templateDirectories) {
    public ThemeConfig {
        templateFiles = List.copyOf(templateFiles);
        billOfMaterials = List.copyOf(billOfMaterials);
        templateDirectories = List.copyOf(templateDirectories);
    }

    /** Reads a theme's {@code config.ini}; only these three options are read, so no other can be bad. */
    public static ThemeConfig read(Path file) throws ConfigException {
        IniFile ini = IniFile.read(List.of(file));
        Map<String, String> planet = new HashMap<>();
        for (var option :
                List.of(OptionTable.TEMPLATE_FILES, OptionTable.BILL_OF_MATERIALS, OptionTable.TEMPLATE_DIRECTORIES)) {
            ini.get("Planet", option.name()).ifPresent(v -> planet.put(option.name(), v));
        }
        return new ThemeConfig(
                added(planet, OptionTable.TEMPLATE_FILES),
                added(planet, OptionTable.BILL_OF_MATERIALS),
                added(planet, OptionTable.TEMPLATE_DIRECTORIES));
    }

    private static List<String> added(Map<String, String> planet, OptionTable.Option<List<String>> option) {
        return option.readIfSet(key -> Optional.ofNullable(planet.get(key))).orElse(List.of());
    }
}
