package org.orrery.config;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.orrery.model.Subscription;

/** Reads Planet Venus config files into a {@link PlanetConfig}, with Venus's sections and defaults. */
public final class ConfigLoader {
    private static final String PLANET = "Planet";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\+?\\d{1,9}");
    private static final Pattern SECONDS = Pattern.compile("\\+?(\\d{1,9}(\\.\\d*)?|\\.\\d+)");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s+");
    // Engines of template_files and filters: a section so named belongs to a theme or filter.
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern THEME_SECTION =
            Pattern.compile(".*\\.(tmpl|xslt|dj|genshi|py|sed|plugin|html|xml)", Pattern.CASE_INSENSITIVE);
    // venus-reference.md §2.1 and §2.2: every option Venus or Planet 2.0 reads.
    private static final Set<String> KNOWN_OPTIONS = Set.of(
            "name",
            "link",
            "owner_name",
            "owner_email",
            "cache_directory",
            "cache_sources_directory",
            "cache_blacklist_directory",
            "cache_lists_directory",
            "http_cache_directory",
            "cache_keep_entries",
            "output_dir",
            "output_theme",
            "template_files",
            "template_directories",
            "bill_of_materials",
            "filters",
            "filter_directories",
            "filter",
            "exclude",
            "items_per_page",
            "days_per_page",
            "date_format",
            "new_date_format",
            "encoding",
            "locale",
            "activity_threshold",
            "new_feed_items",
            "feed_timeout",
            "spider_threads",
            "log_level",
            "log_format",
            "generator",
            "generator_uri",
            "feed",
            "feedtype",
            "pubsubhubbub_hub",
            "pubsubhubbub_feeds",
            "django_autoescape",
            "ignore_in_feed",
            "title_type",
            "summary_type",
            "content_type",
            "name_type",
            "future_dates",
            "xml_base",
            // Orrery's own
            "time_zone",
            "iframe_hosts");

    private ConfigLoader() {}

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
        List<String> templateFiles = list(planet.get("template_files"));
        List<String> filters = list(planet.get("filters"));
        List<String> warnings = new ArrayList<>();
        for (String key : ini.ownKeys(PLANET)) {
            if (!KNOWN_OPTIONS.contains(key)) {
                warnings.add(ini.origin(PLANET, key).orElseThrow() + ": [Planet] option " + key
                        + " is not a Planet Venus option (a typo?); only templates see it");
            }
        }
        List<Subscription> subscriptions = new ArrayList<>();
        for (String section : ini.sections()) {
            if (section.equals(PLANET) || templateFiles.contains(section) || filters.contains(section)) {
                continue;
            }
            subscription(ini, section, workingDirectory, warnings).ifPresent(subscriptions::add);
        }
        return new PlanetConfig(
                files,
                planet.getOrDefault("name", "Unconfigured Planet"),
                planet.getOrDefault("link", ""),
                planet.getOrDefault("owner_name", "Anonymous Coward"),
                planet.getOrDefault("owner_email", ""),
                workingDirectory.resolve(planet.getOrDefault("cache_directory", "cache")),
                workingDirectory.resolve(planet.getOrDefault("output_dir", "output")),
                wholeNumber(ini, "items_per_page", 60),
                planet.getOrDefault("date_format", "%B %d, %Y %I:%M %p"),
                planet.getOrDefault("new_date_format", "%B %d, %Y"),
                seconds(ini, "feed_timeout", 20),
                zone(ini),
                templateFiles,
                planet,
                subscriptions,
                warnings);
    }

    /** The section as a subscription, or empty (with a warning) when it is something else. */
    private static Optional<Subscription> subscription(
            IniFile ini, String section, Path workingDirectory, List<String> warnings) throws ConfigException {
        String where = ini.sectionOrigin(section).orElseThrow() + ": [" + section + "] ";
        Map<String, String> options = ini.items(section);
        String contentType = options.getOrDefault("content_type", "");
        if (List.of("opml", "foaf", "csv", "config", ".").stream().anyMatch(contentType::contains)) {
            // Venus config.reading_lists(): such a section lists subscriptions rather than being one.
            warnings.add(where + "is a reading list (content_type " + contentType + "), not yet supported; skipped");
            return Optional.empty();
        }
        if (!section.contains("://") && THEME_SECTION.matcher(section).matches()) {
            warnings.add(where + "looks like a template or filter section of a theme that is not available;"
                    + " not a subscription");
            return Optional.empty();
        }
        Optional<URI> uri = absoluteUri(section).or(() -> localPath(section, workingDirectory));
        if (uri.isEmpty()) {
            warnings.add(where + "is not an absolute feed URL; not a subscription");
            return Optional.empty();
        }
        Optional<String> name = Optional.ofNullable(options.get("name")).filter(n -> !n.isBlank());
        return Optional.of(new Subscription(uri.get(), name, options));
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

    /** A [Planet] whole-number option, as Python's int() reads it. */
    private static int wholeNumber(IniFile ini, String key, int fallback) throws ConfigException {
        Optional<String> value = ini.get(PLANET, key).map(String::strip);
        if (value.isEmpty()) {
            return fallback;
        }
        if (!WHOLE_NUMBER.matcher(value.get()).matches()) {
            throw invalid(ini, key, value.get(), "a whole number");
        }
        return Integer.parseInt(value.get());
    }

    /** Venus passes {@code feed_timeout} to {@code socket.setdefaulttimeout(float(...))}: fractions are fine. */
    private static Duration seconds(IniFile ini, String key, int fallback) throws ConfigException {
        Optional<String> value = ini.get(PLANET, key).map(String::strip);
        if (value.isEmpty()) {
            return Duration.ofSeconds(fallback);
        }
        if (!SECONDS.matcher(value.get()).matches()) {
            throw invalid(ini, key, value.get(), "a number of seconds");
        }
        return Duration.ofMillis(new BigDecimal(value.get()).movePointRight(3).longValue());
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
        return new ConfigException(ini.origin(PLANET, key).orElseThrow() + ": [Planet] " + key + " must be " + expected
                + ", not \"" + value + "\"");
    }

    /** A space- or newline-separated list option, as Venus splits it. */
    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(LIST_SEPARATOR.split(value.strip())).toList();
    }
}
