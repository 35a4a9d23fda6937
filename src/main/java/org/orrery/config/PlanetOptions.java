package org.orrery.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.orrery.model.RiverOrder;

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
 * @param newFeedItems {@code new_feed_items} as written, 0 for none; what it means depends on
 *     the {@code dialect}: see {@link #newFeedItemsOfNewFeed} and {@link #riverOrder}
 * @param spiderThreads {@code spider_threads}: Venus's fetch threads, a hint only
 * @param logLevel {@code log_level}, upper-case: DEBUG, INFO, WARNING, ERROR or CRITICAL
 * @param generator {@code generator}, the Atom generator's name, default "Venus"
 * @param generatorUri {@code generator_uri} when set: what pages and feeds name as their
 *     generator (unset, Orrery names itself rather than Venus)
 * @param feed {@code feed} when set: the URL of the planet's own feed (unset, its {@code
 *     atom.xml})
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
 * @param iframeHosts Orrery's {@code iframe_hosts}: hosts whose iframes entries may embed,
 *     besides the sanitiser's own (written separated by blanks or commas)
 * @param maxPages Orrery's {@code max_pages}: numbered pages published, 0 for no limit
 * @param readerPages Orrery's {@code reader_pages}: whether the default theme publishes its pages
 *     per feed, per category, of people and of search (and links to them); a planet of many
 *     thousands of feeds may not want a page for each
 * @param maxConnections Orrery's {@code max_connections}: feeds fetched at once; unset, 64 or
 *     Venus's {@code spider_threads} when that asks for more
 * @param maxConnectionsPerHost Orrery's {@code max_connections_per_host}: connections open to
 *     one host at once, never more than {@code maxConnections}
 * @param pollInterval Orrery's {@code poll_interval}: how long {@code orrery serve} waits between
 *     two fetches of a feed that states no freshness lifetime of its own
 * @param websubCallback Orrery's {@code websub_callback}: the public base URL under which
 *     {@code orrery serve} takes WebSub pushes; no WebSub subscriptions without it
 * @param maxEntriesPerFeed Orrery's {@code max_entries_per_feed}: of a feed with more entries,
 *     the first this many in document order are read
 * @param maxFeedBytes Orrery's {@code max_feed_bytes}: the largest feed accepted, after
 *     decompression
 * @param riverOrder Orrery's {@code river_order}, with Venus's {@code new_feed_items} as its
 *     per-feed cap when the dialect is Venus's
 * @param allowPrivateAddresses Orrery's {@code allow_private_addresses} in {@code [Planet]}:
 *     whether every feed may reach loopback, private and link-local addresses
 * @param dialect whose meaning options take where Venus and Planet 2.0 differ, and why: Orrery's
 *     {@code dialect}, else guessed from the options {@code [Planet]} sets ({@link Dialect})
 * @param database Orrery's {@code database}: the PostgreSQL database holding the store
 *     ({@code postgresql://host:port/db?user=...}); empty for the SQLite file in the cache
 *     directory. The environment's {@code ORRERY_DATABASE} wins over it (read by the store).
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
        Optional<String> generatorUri,
        Optional<String> feed,
        int cacheKeepEntries,
        Optional<String> pubsubhubbubHub,
        List<String> pubsubhubbubFeeds,
        Optional<String> outputTheme,
        List<String> templateDirectories,
        List<String> billOfMaterials,
        List<String> filters,
        List<String> filterDirectories,
        Optional<String> filter,
        Optional<String> exclude,
        List<String> iframeHosts,
        int maxPages,
        boolean readerPages,
        int maxConnections,
        int maxConnectionsPerHost,
        java.time.Duration pollInterval,
        Optional<String> websubCallback,
        int maxEntriesPerFeed,
        long maxFeedBytes,
        RiverOrder riverOrder,
        boolean allowPrivateAddresses,
        Dialect.Choice dialect,
        Optional<String> database) {
    /** Venus's defaults, as {@code planet/config.py} sets them, and Orrery's. */
    public static final PlanetOptions DEFAULTS = read(key -> Optional.empty());

    public PlanetOptions {
        Objects.requireNonNull(encoding, "encoding");
        locales = List.copyOf(locales);
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(generatorUri, "generatorUri");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(pubsubhubbubHub, "pubsubhubbubHub");
        pubsubhubbubFeeds = List.copyOf(pubsubhubbubFeeds);
        Objects.requireNonNull(outputTheme, "outputTheme");
        templateDirectories = List.copyOf(templateDirectories);
        billOfMaterials = List.copyOf(billOfMaterials);
        filters = List.copyOf(filters);
        filterDirectories = List.copyOf(filterDirectories);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(exclude, "exclude");
        iframeHosts = List.copyOf(iframeHosts);
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(websubCallback, "websubCallback");
        Objects.requireNonNull(riverOrder, "riverOrder");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(database, "database");
    }

    /**
     * The options {@code lookup} gives, each read as {@link OptionTable} declares it.
     *
     * @throws OptionValues.BadValue for a value that cannot be used, naming the option
     */
    static PlanetOptions read(Function<String, Optional<String>> lookup) {
        // In the order the options were always checked, so the first bad value reported is the same.
        int daysPerPage = OptionTable.DAYS_PER_PAGE.read(lookup);
        String encoding = OptionTable.ENCODING.read(lookup);
        List<Locale> locales = OptionTable.LOCALE.read(lookup);
        int activityThreshold = OptionTable.ACTIVITY_THRESHOLD.read(lookup);
        int newFeedItems = OptionTable.NEW_FEED_ITEMS.read(lookup);
        int spiderThreads = OptionTable.SPIDER_THREADS.read(lookup);
        String logLevel = OptionTable.LOG_LEVEL.read(lookup);
        String generator = OptionTable.GENERATOR.read(lookup);
        Optional<String> generatorUri = OptionTable.GENERATOR_URI.readIfSet(lookup);
        Optional<String> feed = OptionTable.FEED.read(lookup);
        int cacheKeepEntries = OptionTable.CACHE_KEEP_ENTRIES.read(lookup);
        Optional<String> hub = OptionTable.PUBSUBHUBBUB_HUB.read(lookup);
        List<String> hubFeeds = OptionTable.PUBSUBHUBBUB_FEEDS.read(lookup);
        Optional<String> theme = OptionTable.OUTPUT_THEME.read(lookup);
        List<String> templateDirectories = OptionTable.TEMPLATE_DIRECTORIES.read(lookup);
        List<String> billOfMaterials = OptionTable.BILL_OF_MATERIALS.read(lookup);
        List<String> filters = OptionTable.FILTERS.read(lookup);
        List<String> filterDirectories = OptionTable.FILTER_DIRECTORIES.read(lookup);
        Optional<String> filter = OptionTable.FILTER.read(lookup);
        Optional<String> exclude = OptionTable.EXCLUDE.read(lookup);
        List<String> iframeHosts = OptionTable.IFRAME_HOSTS.read(lookup);
        RiverOrder riverOrder = OptionTable.RIVER_ORDER.read(lookup);
        Dialect.Choice dialect = Dialect.choose(lookup, OptionTable.DIALECT.read(lookup));
        if (dialect.dialect() == Dialect.VENUS) {
            // Venus's splice.py: no more than new_feed_items entries of one feed in the output.
            riverOrder = riverOrder.withPerFeed(newFeedItems);
        }
        int maxPages = OptionTable.MAX_PAGES.read(lookup);
        boolean readerPages = OptionTable.READER_PAGES.read(lookup);
        int maxConnections = OptionTable.MAX_CONNECTIONS.readOr(
                lookup, Math.max(OptionTable.MAX_CONNECTIONS.defaultValue(), spiderThreads));
        int maxConnectionsPerHost = Math.min(OptionTable.MAX_CONNECTIONS_PER_HOST.read(lookup), maxConnections);
        var pollInterval = java.time.Duration.ofSeconds(OptionTable.POLL_INTERVAL.read(lookup));
        Optional<String> websubCallback = OptionTable.WEBSUB_CALLBACK.read(lookup);
        int maxEntriesPerFeed = OptionTable.MAX_ENTRIES_PER_FEED.read(lookup);
        long maxFeedBytes = OptionTable.MAX_FEED_BYTES.read(lookup);
        boolean allowPrivateAddresses = OptionTable.ALLOW_PRIVATE_ADDRESSES.read(lookup);
        Optional<String> database = OptionTable.DATABASE.read(lookup);
        return new PlanetOptions(
                daysPerPage,
                encoding,
                locales,
                activityThreshold,
                newFeedItems,
                spiderThreads,
                logLevel,
                generator,
                generatorUri,
                feed,
                cacheKeepEntries,
                hub,
                hubFeeds,
                theme,
                templateDirectories,
                billOfMaterials,
                filters,
                filterDirectories,
                filter,
                exclude,
                iframeHosts,
                maxPages,
                readerPages,
                maxConnections,
                maxConnectionsPerHost,
                pollInterval,
                websubCallback,
                maxEntriesPerFeed,
                maxFeedBytes,
                riverOrder,
                allowPrivateAddresses,
                dialect,
                database);
    }

    /**
     * Planet 2.0's {@code new_feed_items}: on a feed's first refresh only this many of its
     * entries (in feed order) are shown, the rest stored hidden; 0 for all. Always 0 in Venus's
     * dialect, where {@code new_feed_items} caps each feed's entries in the river instead.
     */
    public int newFeedItemsOfNewFeed() {
        return dialect.dialect() == Dialect.PLANET2 ? newFeedItems : 0;
    }

    /** The locale month and day names are shown in: the first of {@link #locales()}, else English. */
    public Locale locale() {
        return locales.isEmpty() ? Locale.ENGLISH : locales.get(0);
    }
}
