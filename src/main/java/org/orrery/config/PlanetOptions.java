package org.orrery.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The planet-wide options of {@code [Planet]} beyond those {@link PlanetConfig} names itself,
 * each resolved to Venus's default when absent (venus-reference.md §2.1).
 *
 * @param daysPerPage {@code days_per_page}: complete days of posts per page, 0 for no limit
 *     (Planet 2.0 honours it; Venus never implemented it)
 * @param encoding {@code encoding} of the output, default {@code utf-8}
 * @param locales {@code locale}, its {@code a:b} fallbacks in order, each as a Java locale
 *     ({@code de_DE.UTF-8} is {@code de-DE}; {@code C} and {@code POSIX} are US English); empty
 *     when unset
 * @param activityThresholdDays {@code activity_threshold}: days without a new entry after which
 *     a feed is flagged "no activity", 0 for never
 * @param newFeedItems {@code new_feed_items}: on a feed's first refresh only this many of its
 *     entries (in feed order) are shown, the rest hidden; 0 for all
 * @param spiderThreads {@code spider_threads}: Venus's fetch threads, a hint only
 * @param logLevel {@code log_level}, upper-case: DEBUG, INFO, WARNING, ERROR or CRITICAL
 * @param generator {@code generator}, the Atom generator's name, default "Venus"
 * @param generatorUri {@code generator_uri}
 * @param cacheKeepEntries {@code cache_keep_entries}: entries kept per feed when expunging,
 *     default 10
 * @param pubsubhubbubHub {@code pubsubhubbub_hub}: the hub to announce and ping, when set
 * @param pubsubhubbubFeeds {@code pubsubhubbub_feeds}: the outputs the hub is pinged for
 * @param outputTheme {@code output_theme}, when set
 * @param templateDirectories {@code template_directories}, default {@code .}
 * @param billOfMaterials {@code bill_of_materials}: files copied verbatim to the output
 * @param filters {@code filters}: planet-wide filter names as written (parameters included)
 * @param filterDirectories {@code filter_directories}
 * @param filter {@code filter}: regular expression every entry must match, when set
 * @param exclude {@code exclude}: regular expression no entry may match, when set
 */
public record PlanetOptions(
        int daysPerPage,
        String encoding,
        List<Locale> locales,
        int activityThresholdDays,
        int newFeedItems,
        int spiderThreads,
        String logLevel,
        String generator,
        String generatorUri,
        int cacheKeepEntries,
        Optional<String> pubsubhubbubHub,
        List<String> pubsubhubbubFeeds,
        Optional<String> outputTheme,
        List<String> templateDirectories,
        List<String> billOfMaterials,
        List<String> filters,
        List<String> filterDirectories,
        Optional<String> filter,
        Optional<String> exclude) {
    /** Venus's defaults, as {@code planet/config.py} sets them. */
    public static final PlanetOptions DEFAULTS = new PlanetOptions(
            0,
            "utf-8",
            List.of(),
            0,
            0,
            0,
            "WARNING",
            "Venus",
            "http://intertwingly.net/code/venus/",
            10,
            Optional.empty(),
            List.of("atom.xml", "rss10.xml", "rss20.xml"),
            Optional.empty(),
            List.of("."),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty());

    public PlanetOptions {
        Objects.requireNonNull(encoding, "encoding");
        locales = List.copyOf(locales);
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(generatorUri, "generatorUri");
        Objects.requireNonNull(pubsubhubbubHub, "pubsubhubbubHub");
        pubsubhubbubFeeds = List.copyOf(pubsubhubbubFeeds);
        Objects.requireNonNull(outputTheme, "outputTheme");
        templateDirectories = List.copyOf(templateDirectories);
        billOfMaterials = List.copyOf(billOfMaterials);
        filters = List.copyOf(filters);
        filterDirectories = List.copyOf(filterDirectories);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(exclude, "exclude");
    }

    /** The locale month and day names are shown in: the first of {@link #locales()}, else English. */
    public Locale locale() {
        return locales.isEmpty() ? Locale.ENGLISH : locales.get(0);
    }
}
