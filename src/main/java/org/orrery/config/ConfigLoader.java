package org.orrery.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;
import org.orrery.model.LocaleNames;
import org.orrery.model.Subscription;

/** Reads Planet Venus config files into a {@link PlanetConfig}, with Venus's sections and defaults. */
public final class ConfigLoader {
    private static final String PLANET = "Planet";
    // Engines of template_files and filters: a section so named belongs to a theme or filter.
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern THEME_SECTION =
            Pattern.compile(".*\\.(tmpl|xslt|dj|genshi|py|sed|plugin|html|xml)", Pattern.CASE_INSENSITIVE);

    private ConfigLoader() {}

    /** Every option Venus, Planet 2.0 or Orrery reads; others are warned about as typos. */
    public static Set<String> knownOptions() {
        return OptionTable.all().keySet();
    }

    /** Loads the files in order, resolving relative directories against the process's working directory. */
    public static PlanetConfig load(List<Path> files) throws ConfigException {
        return load(files, Path.of("").toAbsolutePath());
    }

    /**
     * Loads the files in order (later ones add sections and override options).
     *
     * @param workingDirectory what relative {@code cache_directory} and {@code output_dir} resolve
     *     against, as Venus resolves them against its current directory
     */
    public static PlanetConfig load(List<Path> files, Path workingDirectory) throws ConfigException {
        if (files.isEmpty()) {
            throw new ConfigException("config: no config file given");
        }
        IniFile ini = IniFile.read(files);
        if (!ini.hasSection(PLANET)) {
            throw new ConfigException(files + ": no [Planet] section; every planet config needs one"
                    + (ini.sections().stream().anyMatch(s -> s.equalsIgnoreCase(PLANET))
                            ? " (section names are case-sensitive)"
                            : ""));
        }
        Map<String, String> planet = ini.items(PLANET);
        List<String> templateFiles = read(ini, planet, OptionTable.TEMPLATE_FILES);
        List<String> warnings = new ArrayList<>();
        for (String key : ini.ownKeys(PLANET)) {
            if (OptionTable.of(key).isEmpty()) {
                warnings.add(ini.origin(PLANET, key).orElseThrow() + ": [Planet] option " + key
                        + " is not a Planet Venus option (a typo?); only templates see it");
            }
        }
        PlanetOptions options = planetOptions(ini, planet);
        warnings.addAll(notActedOn(ini, planet));
        if (!options.locales().isEmpty() && LocaleNames.glibc(options.locale()).isEmpty()) {
            warnings.add(ini.origin(PLANET, "locale").orElseThrow() + ": [Planet] locale " + planet.get("locale")
                    + ": Orrery does not carry the C library's month and day names for "
                    + options.locale().toLanguageTag()
                    + "; Java's are used, which may differ from those Venus showed");
        }
        checkBillOfMaterials(ini, options);
        Set<String> filterNames = filterSectionNames(ini);
        Map<String, Map<String, String>> filterSections = new LinkedHashMap<>();
        List<Subscription> subscriptions = new ArrayList<>();
        List<ReadingList> readingLists = new ArrayList<>();
        List<String> subscriptionSections = new ArrayList<>();
        List<String> listSections = new ArrayList<>();
        // Two spellings of one URL (HTTP://, a #fragment, :80) are one feed: the first section's.
        Map<String, String> feedSections = new HashMap<>();
        for (String section : ini.sections()) {
            if (section.equals(PLANET)) {
                continue;
            }
            if (templateFiles.contains(section)) {
                filterSections.put(section, ini.items(section)); // a template's own options
                warnings.addAll(unprovidedOutputFilters(ini, section, planet));
                checkPageOptions(ini, section);
                continue;
            }
            if (filterNames.contains(section)) {
                filterSections.put(section, ini.items(section));
                continue;
            }
            if (!section.contains("://") && THEME_SECTION.matcher(section).matches()) {
                // A template's own options (its output filters, say), or a filter's.
                filterSections.put(section, ini.items(section));
                warnings.addAll(unprovidedOutputFilters(ini, section, planet));
                checkPageOptions(ini, section);
                if (templateFiles.isEmpty() && !planet.containsKey("output_theme")) {
                    warnings.add(ini.sectionOrigin(section).orElseThrow() + ": [" + section
                            + "] looks like a template or filter section of a theme that is not available;"
                            + " not a subscription");
                }
                continue;
            }
            switch (section(ini, section, workingDirectory, warnings)) {
                case Section.Feed feed -> {
                    String key =
                            SubscriptionSections.sameFeedKey(feed.subscription().feedUri());
                    String first = feedSections.putIfAbsent(key, section);
                    if (first != null) {
                        warnings.add(ini.sectionOrigin(section).orElseThrow() + ": [" + section
                                + "] is the same feed as [" + first + "] at "
                                + ini.sectionOrigin(first).orElseThrow()
                                + "; it is that one subscription, with that section's options (this"
                                + " section's are ignored)");
                        continue;
                    }
                    subscriptions.add(feed.subscription());
                    subscriptionSections.add(section);
                }
                case Section.Reading list -> {
                    readingLists.add(list.readingList());
                    listSections.add(section);
                }
                case Section.Other other -> {
                    // Already warned about.
                }
            }
        }
        PlanetConfig config = new PlanetConfig(
                files,
                displayName(asWritten(planet, OptionTable.NAME)),
                link(ini, planet),
                displayName(asWritten(planet, OptionTable.OWNER_NAME)),
                asWritten(planet, OptionTable.OWNER_EMAIL),
                directory(ini, planet, workingDirectory, OptionTable.CACHE_DIRECTORY),
                directory(ini, planet, workingDirectory, OptionTable.OUTPUT_DIR),
                read(ini, planet, OptionTable.ITEMS_PER_PAGE),
                asWritten(planet, OptionTable.DATE_FORMAT),
                asWritten(planet, OptionTable.NEW_DATE_FORMAT),
                read(ini, planet, OptionTable.FEED_TIMEOUT),
                zone(ini),
                templateFiles,
                planet,
                subscriptions,
                warnings,
                options,
                readingLists,
                filterSections);
        warnings.addAll(SubscriptionChecks.check(ini, config, subscriptionSections, listSections));
        return config.withWarnings(warnings);
    }

    /**
     * Options of {@code [Planet]} set to something other than their default that Orrery ignores
     * or does not act on yet, each a warning naming its line (read after every value is checked).
     */
    private static List<String> notActedOn(IniFile ini, Map<String, String> planet) {
        List<String> warnings = new ArrayList<>();
        Function<String, Optional<String>> lookup = key -> Optional.ofNullable(planet.get(key));
        for (String key : ini.ownKeys(PLANET)) {
            Optional<OptionTable.Option<?>> option = OptionTable.of(key)
                    .filter(o -> o.effect() == OptionTable.Effect.IGNORED || o.effect() == OptionTable.Effect.NOT_YET)
                    .filter(o -> !o.read(lookup).equals(o.defaultValue()));
            if (option.isEmpty()) {
                continue;
            }
            String where = ini.origin(PLANET, key).orElseThrow() + ": [Planet] " + key + " = "
                    + planet.get(key).strip();
            warnings.add(
                    option.get().effect() == OptionTable.Effect.IGNORED
                            ? where + " is ignored by Orrery (" + option.get().doc() + ")"
                            : where + " is read but not acted on yet: "
                                    + option.get().notYet());
        }
        return warnings;
    }

    /** What a section other than [Planet] turned out to be. */
    private sealed interface Section {
        record Feed(Subscription subscription) implements Section {}

        record Reading(ReadingList readingList) implements Section {}

        record Other() implements Section {}
    }

    private static PlanetOptions planetOptions(IniFile ini, Map<String, String> planet) throws ConfigException {
        try {
            Function<String, Optional<String>> lookup = key -> Optional.ofNullable(planet.get(key));
            PlanetOptions options = PlanetOptions.read(lookup);
            // [Planet]'s per-subscription options are every feed's default: checked though no feed uses them.
            for (OptionTable.Option<?> option : OptionTable.all().values()) {
                if (option.scope() == OptionTable.Scope.SUBSCRIPTION) {
                    option.read(lookup);
                }
            }
            for (String written : options.filters()) {
                checkFilter(ini, PLANET, written);
            }
            return options;
        } catch (OptionValues.BadValue e) {
            throw badValue(ini, PLANET, e);
        }
    }

    /**
     * {@code bill_of_materials}: each file is copied to the same relative path in {@code
     * output_dir}, so none may be absolute or climb out of it with {@code ..}.
     */
    private static void checkBillOfMaterials(IniFile ini, PlanetOptions options) throws ConfigException {
        for (String name : options.billOfMaterials()) {
            if (!insideOutput(name)) {
                throw invalid(
                        ini, "bill_of_materials", name, "a list of files inside output_dir (relative, without ..)");
            }
        }
    }

    /** Whether a {@code bill_of_materials} file, copied to its own relative path, stays in {@code output_dir}. */
    public static boolean insideOutput(String name) {
        try {
            Path path = Path.of(name).normalize();
            return !path.isAbsolute()
                    && !path.startsWith("..")
                    && !path.toString().isEmpty();
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    static void checkFilter(IniFile ini, String section, String written) throws ConfigException {
        int query = written.indexOf('?');
        String name = query < 0 ? written : written.substring(0, query);
        FilterSpec spec = FilterSpec.parse(written, ini.hasSection(name) ? ini.items(name) : Map.of());
        try {
            OptionValues.checkFilterParams(spec);
        } catch (OptionValues.BadValue e) {
            String where = ini.origin(name, e.key)
                    .map(Object::toString)
                    .orElse(ini.origin(section, "filters").orElseThrow().toString());
            throw new ConfigException(where + ": filter " + written + ": " + e.getMessage(), e);
        }
    }

    /** A template's own {@code days_per_page} and {@code items_per_page}, read as [Planet]'s are: a bad one is an error. */
    private static void checkPageOptions(IniFile ini, String section) throws ConfigException {
        if (PlanetConfig.templateOutput(section).isEmpty()) {
            return;
        }
        Map<String, String> own = ini.items(section);
        for (var option : List.of(OptionTable.DAYS_PER_PAGE, OptionTable.ITEMS_PER_PAGE)) {
            try {
                option.read(key -> Optional.ofNullable(own.get(key)));
            } catch (OptionValues.BadValue e) {
                throw badValue(ini, section, e);
            }
        }
    }

    /** A warning for each output filter a template's section names that Orrery does not provide. */
    private static List<String> unprovidedOutputFilters(IniFile ini, String section, Map<String, String> planet)
            throws ConfigException {
        List<String> warnings = new ArrayList<>();
        if (PlanetConfig.templateOutput(section).isEmpty()) {
            return warnings; // a filter's section: its options are the filter's parameters
        }
        for (String written : OptionValues.list(ini.items(section).get("filters"))) {
            String name = written.contains("?") ? written.substring(0, written.indexOf('?')) : written;
            if (!FilterSpec.OUTPUT_SUPPORTED.contains(name)
                    && !OptionValues.list(planet.get("filters")).contains(written)) {
                warnings.add(ini.sectionOrigin(section).orElseThrow() + ": [" + section + "] output filter " + name
                        + " is not one Orrery provides; the file passes unchanged (Orrery provides "
                        + String.join(
                                ", ",
                                FilterSpec.OUTPUT_SUPPORTED.stream().sorted().toList()) + ")");
            }
        }
        return warnings;
    }

    private static Set<String> filterSectionNames(IniFile ini) throws ConfigException {
        Set<String> names = new HashSet<>();
        for (String section : ini.sections()) {
            for (String written : OptionValues.list(ini.get(section, "filters").orElse(null))) {
                int query = written.indexOf('?');
                names.add(query < 0 ? written : written.substring(0, query));
            }
        }
        return names;
    }

    /** The section as a subscription or a reading list, or neither (with a warning). */
    private static Section section(IniFile ini, String section, Path workingDirectory, List<String> warnings)
            throws ConfigException {
        String where = ini.sectionOrigin(section).orElseThrow() + ": [" + section + "] ";
        Map<String, String> options = ini.items(section);
        String contentType = options.getOrDefault("content_type", "");
        Optional<ReadingList.Type> listType = ReadingList.Type.of(contentType);
        boolean conversionFilter = listType.isEmpty() && contentType.contains(".");
        if (!section.contains("://") && THEME_SECTION.matcher(section).matches()) {
            warnings.add(where + "looks like a template or filter section of a theme that is not available;"
                    + " not a subscription");
            return new Section.Other();
        }
        Optional<URI> uri = absoluteUri(section).or(() -> localPath(section, workingDirectory));
        if (uri.isEmpty()) {
            warnings.add(where + "is not an absolute feed URL; not a subscription");
            return new Section.Other();
        }
        if (conversionFilter) {
            // Venus config.reading_lists(): a content_type naming a filter converts the list.
            warnings.add(where + "is a reading list converted by the filter " + contentType
                    + ", which Orrery does not provide; skipped");
            return new Section.Other();
        }
        if (listType.isPresent()) {
            return new Section.Reading(new ReadingList(uri.get(), listType.get(), options));
        }
        Optional<String> name = Optional.ofNullable(options.get("name"))
                .filter(n -> !n.isBlank())
                .map(ConfigLoader::displayName);
        return new Section.Feed(new Subscription(uri.get(), name, options));
    }

    /**
     * A name as text. Venus's themes wrote names as they stand in the config, so maintainers
     * wrote character references in them ({@code name = Ga&#235;l Varoquaux}); Orrery reads
     * those as the characters they stand for and escapes names wherever it writes them.
     */
    static String displayName(String configured) {
        return configured.indexOf('&') < 0 ? configured : Parser.unescapeEntities(configured, false);
    }

    /**
     * A section named by a file path rather than a URL, resolved against the working
     * directory: feedparser, under Venus, reads such a name as a local file.
     */
    private static Optional<URI> localPath(String section, Path workingDirectory) {
        if (section.contains("://") || SCHEME.matcher(section).lookingAt() || section.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(workingDirectory
                    .resolve(section)
                    .toAbsolutePath()
                    .normalize()
                    .toUri());
        } catch (java.nio.file.InvalidPathException e) {
            // Reported by the caller as a warning, like any other unusable section name.
            return Optional.empty();
        }
    }

    private static Optional<URI> absoluteUri(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            // Reported by the caller as a warning: one bad section never stops the planet.
            return Optional.empty();
        }
    }

    /** A directory option resolved against the working directory; one no file system can name is an error. */
    private static Path directory(
            IniFile ini, Map<String, String> planet, Path workingDirectory, OptionTable.Option<String> option)
            throws ConfigException {
        String written = asWritten(planet, option);
        try {
            return workingDirectory.resolve(written);
        } catch (java.nio.file.InvalidPathException e) {
            throw invalid(ini, option.name(), written, "a directory's path (" + e.getReason() + ")");
        }
    }

    /** A [Planet] text option exactly as written (blank included), else its declared default. */
    private static String asWritten(Map<String, String> planet, OptionTable.Option<String> option) {
        return planet.getOrDefault(option.name(), option.defaultWritten());
    }

    /** A [Planet] option as the table reads it, a bad value an error naming file and line. */
    private static <T> T read(IniFile ini, Map<String, String> planet, OptionTable.Option<T> option)
            throws ConfigException {
        try {
            return option.read(key -> Optional.ofNullable(planet.get(key)));
        } catch (OptionValues.BadValue e) {
            throw badValue(ini, PLANET, e);
        }
    }

    /**
     * {@code link}: the planet's page, which the published feeds resolve their own URLs against
     * and the User-Agent names; a URL, relative or absolute, or empty.
     */
    private static String link(IniFile ini, Map<String, String> planet) throws ConfigException {
        String value = asWritten(planet, OptionTable.LINK);
        if (value.isEmpty()) {
            return value;
        }
        try {
            new URI(value);
            return value;
        } catch (URISyntaxException e) {
            throw invalid(ini, "link", value, "the URL of the planet's page, such as https://planet.example.org/");
        }
    }

    /** Orrery's {@code time_zone}: the zone dates are shown in; UTC when absent, as Venus showed them. */
    private static ZoneId zone(IniFile ini) throws ConfigException {
        Optional<String> value = ini.get(PLANET, "time_zone").map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(value.get());
        } catch (DateTimeException e) {
            throw invalid(ini, "time_zone", value.get(), "a time zone such as UTC, Europe/Berlin or America/New_York");
        }
    }

    private static ConfigException invalid(IniFile ini, String key, String value, String expected) {
        return badValue(ini, PLANET, new OptionValues.BadValue(key, value, expected));
    }

    /** A section's bad value as an error naming the line that set it: in the section, else in {@code [Planet]}. */
    static ConfigException badValue(IniFile ini, String section, OptionValues.BadValue e) {
        IniFile.Origin origin =
                ini.origin(section, e.key).or(() -> ini.origin(PLANET, e.key)).orElseThrow();
        return new ConfigException(origin + ": [" + section + "] " + e.getMessage(), e);
    }
}
