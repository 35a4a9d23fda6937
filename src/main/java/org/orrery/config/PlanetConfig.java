package org.orrery.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.orrery.model.Subscription;

/**
 * A planet as its config files declare it, every option resolved to a value.
 *
 * @param sources the config files read, in order
 * @param name the planet's name ({@code name}, default "Unconfigured Planet")
 * @param link URL of the planet's main page ({@code link}, default empty)
 * @param ownerName {@code owner_name}, default "Anonymous Coward"
 * @param ownerEmail {@code owner_email}, default empty
 * @param cacheDirectory {@code cache_directory} (default {@code cache}), where the database
 *     lives; relative paths resolved against the working directory, as Venus does
 * @param outputDir {@code output_dir} (default {@code output}), resolved the same way
 * @param itemsPerPage {@code items_per_page}, default 60
 * @param dateFormat Python strftime pattern for entry times ({@code date_format}, default
 *     {@code %B %d, %Y %I:%M %p})
 * @param newDateFormat Python strftime pattern for day headings ({@code new_date_format},
 *     default {@code %B %d, %Y})
 * @param feedTimeout {@code feed_timeout} in seconds, default 20
 * @param zone Orrery's {@code time_zone}: where times are shown and days split, default UTC
 * @param templateFiles {@code template_files}, as written
 * @param planetOptions every option of {@code [Planet]} (keys lower-case), for templates
 * @param subscriptions the subscription sections in file order
 * @param warnings what the config says that Orrery does not understand or ignores
 * @param options the other planet-wide options, Venus's defaults applied
 * @param readingLists sections that list subscriptions ({@code content_type} opml, foaf, csv
 *     or config), to be fetched and expanded with {@link ReadingListParser}
 * @param filterSections options of the sections named like a filter ({@code [excerpt.py]}) or a
 *     template ({@code [index.html.xslt]}),
 *     by section name
 */
public record PlanetConfig(
        List<Path> sources,
        String name,
        String link,
        String ownerName,
        String ownerEmail,
        Path cacheDirectory,
        Path outputDir,
        int itemsPerPage,
        String dateFormat,
        String newDateFormat,
        Duration feedTimeout,
        ZoneId zone,
        List<String> templateFiles,
        Map<String, String> planetOptions,
        List<Subscription> subscriptions,
        List<String> warnings,
        PlanetOptions options,
        List<ReadingList> readingLists,
        Map<String, Map<String, String>> filterSections) {
    public PlanetConfig {
        sources = List.copyOf(sources);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(dateFormat, "dateFormat");
        Objects.requireNonNull(newDateFormat, "newDateFormat");
        Objects.requireNonNull(feedTimeout, "feedTimeout");
        Objects.requireNonNull(zone, "zone");
        templateFiles = List.copyOf(templateFiles);
        planetOptions = Map.copyOf(planetOptions);
        subscriptions = List.copyOf(subscriptions);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(options, "options");
        readingLists = List.copyOf(readingLists);
        filterSections = Map.copyOf(filterSections);
    }

    /** The planet's database: {@code orrery.db} in its cache directory. */
    public Path databaseFile() {
        return cacheDirectory.resolve("orrery.db");
    }

    /** The same planet with {@code warnings} in place of its own. */
    public PlanetConfig withWarnings(List<String> warnings) {
        return new PlanetConfig(
                sources,
                name,
                link,
                ownerName,
                ownerEmail,
                cacheDirectory,
                outputDir,
                itemsPerPage,
                dateFormat,
                newDateFormat,
                feedTimeout,
                zone,
                templateFiles,
                planetOptions,
                subscriptions,
                warnings,
                options,
                readingLists,
                filterSections);
    }

    /**
     * Venus's lookup for a per-subscription option: the subscription's section (with {@code
     * [DEFAULT]}), then {@code [Planet]}; empty when neither sets it.
     */
    public Optional<String> option(Subscription subscription, String key) {
        return subscription.option(key).or(() -> Optional.ofNullable(planetOptions.get(key)));
    }

    /**
     * The subscription's Venus options resolved. Values of subscriptions that {@link
     * ConfigLoader} loaded were checked there; for others (from a reading list) an unusable value
     * throws {@link IllegalArgumentException} naming the option.
     */
    public SubscriptionOptions subscriptionOptions(Subscription subscription) {
        Function<String, Optional<String>> lookup = key -> option(subscription, key);
        Optional<String> filter = OptionTable.FILTER.read(lookup);
        Optional<String> exclude = OptionTable.EXCLUDE.read(lookup);
        List<FilterSpec> filters = new ArrayList<>();
        for (String written : options.filters()) {
            filters.add(filterSpec(written));
        }
        filter.ifPresent(f -> filters.add(new FilterSpec("regexp_sifter.py", Map.of("require", f))));
        exclude.ifPresent(e -> filters.add(new FilterSpec("regexp_sifter.py", Map.of("exclude", e))));
        // A subscription's own filters run after [Planet]'s rather than in their place.
        for (String written : OptionTable.FILTERS.read(subscription::option)) {
            filters.add(filterSpec(written));
        }
        Set<String> ignore = new LinkedHashSet<>();
        OptionTable.IGNORE_IN_FEED.read(lookup).forEach(tag -> ignore.add(tag.toLowerCase(Locale.ROOT)));
        return new SubscriptionOptions(
                subscription.name(),
                filter,
                exclude,
                filters,
                ignore,
                mimeType(OptionTable.TITLE_TYPE.read(lookup)),
                mimeType(OptionTable.SUMMARY_TYPE.read(lookup)),
                mimeType(OptionTable.CONTENT_TYPE.read(lookup))
                        .filter(t -> ReadingList.Type.of(t).isEmpty()),
                OptionTable.NAME_TYPE.read(lookup),
                OptionTable.FUTURE_DATES.read(lookup),
                OptionTable.XML_BASE.read(lookup),
                OptionTable.LANGUAGE.read(lookup),
                OptionTable.CACHE_KEEP_ENTRIES.read(lookup),
                OptionTable.CACHE_KEEP_DAYS.read(lookup),
                OptionTable.ACTIVITY_THRESHOLD.read(lookup));
    }

    /**
     * Orrery's {@code allow_private_addresses} for a subscription the config names: its section's,
     * else {@code [Planet]}'s.
     */
    public boolean privateAddressesAllowed(Subscription subscription) {
        return OptionTable.ALLOW_PRIVATE_ADDRESSES.readOr(subscription::option, options.allowPrivateAddresses());
    }

    /**
     * Orrery's {@code allow_private_addresses} for the feeds of a reading list: set in the list's
     * section or in {@code [Planet]} (the options the list document itself sets do not count).
     */
    public boolean privateAddressesAllowed(ReadingList list) {
        return OptionTable.ALLOW_PRIVATE_ADDRESSES.read(
                        key -> Optional.ofNullable(list.options().get(key)))
                || options.allowPrivateAddresses();
    }

    /**
     * The output filters of each template, by the file it writes ({@code index.html}): those a
     * template's own section names ({@code [index.html.xslt]} {@code filters = addsearch.xslt})
     * beyond {@code [Planet]}'s, which Venus ran on the file the template wrote.
     */
    public Map<String, List<FilterSpec>> outputFilters() {
        List<String> planetFilters = OptionValues.list(planetOptions.get("filters"));
        Map<String, List<FilterSpec>> byOutput = new java.util.LinkedHashMap<>();
        filterSections.forEach((section, items) -> {
            Optional<String> output = templateOutput(section);
            if (output.isEmpty() || !items.containsKey("filters")) {
                return;
            }
            for (String written : OptionValues.list(items.get("filters"))) {
                if (!planetFilters.contains(written)) {
                    byOutput.computeIfAbsent(output.get(), k -> new java.util.ArrayList<>())
                            .add(filterSpec(written));
                }
            }
        });
        return byOutput;
    }

    /**
     * How many posts the pages hold: the {@code items_per_page} of the front page's template's own
     * section ({@code [index.html.tmpl]}), which Venus gave that template, else {@code [Planet]}'s.
     */
    public int pageItems() {
        return indexTemplateOption("items_per_page").map(Integer::parseInt).orElse(itemsPerPage);
    }

    /** {@code days_per_page}, as {@link #pageItems()} reads it (Planet Clojure sets it on its template). */
    public int pageDays() {
        return indexTemplateOption("days_per_page").map(Integer::parseInt).orElse(options.daysPerPage());
    }

    private Optional<String> indexTemplateOption(String key) {
        for (var section : filterSections.entrySet()) {
            if (templateOutput(section.getKey()).filter("index.html"::equals).isPresent()
                    && section.getValue().containsKey(key)
                    && !section.getValue().get(key).isBlank()) {
                return Optional.of(section.getValue().get(key).strip());
            }
        }
        return Optional.empty();
    }

    /**
     * The file a section named like a template writes ({@code index.html} of {@code
     * [clojure/index.html.tmpl]}, as Venus named a template's output by its base name), or empty
     * when the section does not name a template.
     */
    static Optional<String> templateOutput(String section) {
        var template = TEMPLATE.matcher(section);
        if (!template.matches()) {
            return Optional.empty();
        }
        String path = template.group(1);
        return Optional.of(path.substring(path.lastIndexOf('/') + 1));
    }

    private static final java.util.regex.Pattern TEMPLATE =
            java.util.regex.Pattern.compile("(.+)\\.(tmpl|xslt|dj|genshi)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A filter as written in a {@code filters} option, with its section's parameters. */
    public FilterSpec filterSpec(String written) {
        int query = written.indexOf('?');
        String section = query < 0 ? written : written.substring(0, query);
        return FilterSpec.parse(written, filterSections.getOrDefault(section, Map.of()));
    }

    // Venus's scrub.py type_map.
    private static Optional<String> mimeType(Optional<String> written) {
        return written.map(t -> switch (t.toLowerCase(Locale.ROOT)) {
            case "text" -> "text/plain";
            case "html" -> "text/html";
            case "xhtml" -> "application/xhtml+xml";
            default -> t.toLowerCase(Locale.ROOT);
        });
    }
}
