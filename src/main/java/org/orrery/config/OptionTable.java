package org.orrery.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.orrery.model.RiverOrder;

/**
 * Every option a planet's config may set, each declared once: where it may be written, its
 * default as written in a config, how its value is read and checked, and what Orrery does with
 * it. {@link ConfigLoader} reads {@code [Planet]} through it into {@link PlanetOptions}; {@code
 * orrery check}'s warnings and the tables of {@code docs/configuration.md} follow it.
 */
public final class OptionTable {

    /** Where an option may be written. */
    public enum Scope {
        /** {@code [Planet]} only. */
        PLANET,
        /** A subscription's section, looked up in {@code [Planet]} when the section does not set it. */
        SUBSCRIPTION,
        /** Both: a planet-wide meaning in {@code [Planet]}, and a subscription's own in its section. */
        BOTH
    }

    /** What Orrery does with an option's value. */
    public enum Effect {
        /** Orrery acts on it. */
        ACTED_ON,
        /** Passed to templates (every option is), and otherwise not used. */
        TEMPLATES,
        /** Read and checked, then ignored: Orrery does the job its own way. */
        IGNORED,
        /** Read and checked but not acted on yet; {@code orrery check} warns where it is set. */
        NOT_YET
    }

    /** How an option's written value becomes a value, throwing {@link OptionValues.BadValue} when it cannot. */
    @FunctionalInterface
    interface Reader<T> {
        T read(String key, String written);
    }

    /**
     * One option.
     *
     * @param name the key, lower-case
     * @param defaultWritten the default as a config would write it; empty for none
     * @param blankIsValue whether a key set to nothing is read as written (an empty list, an
     *     error) rather than as unset
     * @param reader reads and checks a value (stripped); also reads the default
     * @param notYet for {@link Effect#NOT_YET}, what happens instead; otherwise empty
     * @param doc what the option is, in one line
     */
    public record Option<T>(
            String name,
            Scope scope,
            String defaultWritten,
            boolean blankIsValue,
            Reader<T> reader,
            Effect effect,
            String notYet,
            String doc) {
        public Option {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(defaultWritten, "defaultWritten");
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(effect, "effect");
            Objects.requireNonNull(notYet, "notYet");
            Objects.requireNonNull(doc, "doc");
        }

        /** The value {@code lookup} gives this option, else the default. */
        T read(Function<String, Optional<String>> lookup) {
            return readIfSet(lookup).orElseGet(this::defaultValue);
        }

        /** The value {@code lookup} gives this option, else {@code fallback} in place of the default. */
        T readOr(Function<String, Optional<String>> lookup, T fallback) {
            return readIfSet(lookup).orElse(fallback);
        }

        /** The value {@code lookup} gives this option; empty when it is unset (or blank, unless blank is a value). */
        Optional<T> readIfSet(Function<String, Optional<String>> lookup) {
            return lookup.apply(name)
                    .map(String::strip)
                    .filter(written -> blankIsValue || !written.isEmpty())
                    .map(written -> reader.read(name, written));
        }

        /** The default, read. */
        public T defaultValue() {
            return reader.read(name, defaultWritten);
        }

        Option<T> withBlankAsValue() {
            return new Option<>(name, scope, defaultWritten, true, reader, effect, notYet, doc);
        }

        Option<T> notYetActedOn(String instead) {
            return new Option<>(name, scope, defaultWritten, blankIsValue, reader, Effect.NOT_YET, instead, doc);
        }
    }

    private static <T> Option<T> option(
            String name, Scope scope, String defaultValue, Reader<T> reader, Effect effect, String doc) {
        return new Option<>(name, scope, defaultValue, false, reader, effect, "", doc);
    }

    private static Option<String> text(String name, Scope scope, String defaultValue, Effect effect, String doc) {
        return option(name, scope, defaultValue, (k, v) -> v, effect, doc);
    }

    private static Option<Optional<String>> optionalText(String name, Scope scope, Effect effect, String doc) {
        return option(name, scope, "", (k, v) -> Optional.of(v).filter(t -> !t.isEmpty()), effect, doc);
    }

    private static Option<List<String>> list(String name, Scope scope, String defaultValue, Effect effect, String doc) {
        return option(name, scope, defaultValue, (k, v) -> OptionValues.list(v), effect, doc)
                .withBlankAsValue();
    }

    private static Option<Integer> whole(String name, Scope scope, int defaultValue, int min, String doc) {
        return option(
                name,
                scope,
                Integer.toString(defaultValue),
                (k, v) -> OptionValues.wholeNumber(k, v, min),
                Effect.ACTED_ON,
                doc);
    }

    private static Option<Optional<String>> regex(String name, Scope scope, String doc) {
        return option(
                name,
                scope,
                "",
                (k, v) -> {
                    if (v.isEmpty()) {
                        return Optional.empty();
                    }
                    OptionValues.checkRegex(k, v);
                    return Optional.of(v);
                },
                Effect.ACTED_ON,
                doc);
    }

    private static final Scope PLANET = Scope.PLANET;
    private static final Scope SUBSCRIPTION = Scope.SUBSCRIPTION;
    private static final Scope BOTH = Scope.BOTH;
    private static final Effect ACTED_ON = Effect.ACTED_ON;
    private static final Effect TEMPLATES = Effect.TEMPLATES;
    private static final Effect IGNORED = Effect.IGNORED;

    // Read into PlanetConfig's own fields by ConfigLoader.
    static final Option<String> NAME =
            text("name", BOTH, "Unconfigured Planet", ACTED_ON, "the planet's name; a subscription's display name");
    static final Option<String> LINK = text("link", PLANET, "", ACTED_ON, "URL of the planet's main page");
    static final Option<String> OWNER_NAME =
            text("owner_name", PLANET, "Anonymous Coward", ACTED_ON, "the author of the planet's feeds");
    static final Option<String> OWNER_EMAIL = text("owner_email", PLANET, "", ACTED_ON, "the author's email");
    static final Option<String> CACHE_DIRECTORY =
            text("cache_directory", PLANET, "cache", ACTED_ON, "where the database and the run lock live");
    static final Option<String> OUTPUT_DIR =
            text("output_dir", PLANET, "output", ACTED_ON, "where the site is written");
    static final Option<Integer> ITEMS_PER_PAGE =
            whole("items_per_page", PLANET, 60, 0, "entries per page and feed").withBlankAsValue();
    static final Option<String> DATE_FORMAT =
            text("date_format", PLANET, "%B %d, %Y %I:%M %p", ACTED_ON, "strftime pattern of an entry's time");
    static final Option<String> NEW_DATE_FORMAT =
            text("new_date_format", PLANET, "%B %d, %Y", ACTED_ON, "strftime pattern of a day heading");
    static final Option<Duration> FEED_TIMEOUT = option(
                    "feed_timeout", PLANET, "20", OptionValues::seconds, ACTED_ON, "seconds a feed may take to answer")
            .withBlankAsValue();
    static final Option<String> TIME_ZONE =
            text("time_zone", PLANET, "UTC", ACTED_ON, "the zone times are shown and days split in");
    static final Option<List<String>> TEMPLATE_FILES =
            list("template_files", PLANET, "", ACTED_ON, "the templates of the site's theme");

    // Read into PlanetOptions.
    static final Option<Integer> DAYS_PER_PAGE = whole("days_per_page", PLANET, 0, 0, "complete days per page");
    static final Option<String> ENCODING = option(
            "encoding",
            PLANET,
            "utf-8",
            OptionValues::encoding,
            ACTED_ON,
            "the charset of the published HTML and XML files");
    static final Option<List<Locale>> LOCALE =
            option("locale", PLANET, "", OptionValues::locales, ACTED_ON, "the language of month and day names");
    static final Option<Integer> ACTIVITY_THRESHOLD =
            whole("activity_threshold", BOTH, 0, 0, "days without an entry before a feed is called quiet");
    static final Option<Integer> NEW_FEED_ITEMS = whole(
            "new_feed_items",
            PLANET,
            0,
            0,
            "Venus: entries of one feed shown at most; Planet 2.0: entries shown of a feed's first refresh");
    static final Option<Integer> SPIDER_THREADS =
            whole("spider_threads", PLANET, 0, 0, "Venus's fetch threads; raises max_connections");
    static final Option<String> LOG_LEVEL = option(
            "log_level",
            PLANET,
            "WARNING",
            OptionValues::logLevel,
            IGNORED,
            "Venus's log level; Orrery's is set on its command line");
    static final Option<String> GENERATOR = text("generator", PLANET, "Venus", TEMPLATES, "the feeds' generator");
    static final Option<String> GENERATOR_URI =
            text("generator_uri", PLANET, "http://intertwingly.net/code/venus/", TEMPLATES, "the generator's URI");
    static final Option<Optional<String>> FEED = optionalText("feed", PLANET, TEMPLATES, "the planet's own feed");
    static final Option<Integer> CACHE_KEEP_ENTRIES =
            whole("cache_keep_entries", BOTH, 10, 0, "entries of each feed expunging keeps");
    static final Option<Optional<String>> PUBSUBHUBBUB_HUB =
            optionalText("pubsubhubbub_hub", PLANET, ACTED_ON, "the hub told of changed feeds");
    static final Option<List<String>> PUBSUBHUBBUB_FEEDS = list(
            "pubsubhubbub_feeds", PLANET, "atom.xml rss10.xml rss20.xml", ACTED_ON, "the feeds the hub is told of");
    static final Option<Optional<String>> OUTPUT_THEME =
            optionalText("output_theme", PLANET, ACTED_ON, "the theme of the site");
    static final Option<List<String>> TEMPLATE_DIRECTORIES =
            list("template_directories", PLANET, ".", ACTED_ON, "where templates are looked for");
    static final Option<List<String>> BILL_OF_MATERIALS =
            list("bill_of_materials", PLANET, "", ACTED_ON, "files copied to the site");
    static final Option<List<String>> FILTERS =
            list("filters", BOTH, "", ACTED_ON, "filters run on each entry when it is fetched");
    static final Option<List<String>> FILTER_DIRECTORIES =
            list("filter_directories", PLANET, "", IGNORED, "where Venus looked for filters");
    static final Option<Optional<String>> FILTER =
            regex("filter", BOTH, "a regular expression the entry's text must contain");
    static final Option<Optional<String>> EXCLUDE =
            regex("exclude", BOTH, "a regular expression the entry's text must not contain");
    static final Option<List<String>> IFRAME_HOSTS = option(
                    "iframe_hosts",
                    PLANET,
                    "",
                    (k, v) -> OptionValues.hosts(v),
                    ACTED_ON,
                    "hosts whose iframes entries may embed")
            .withBlankAsValue();
    static final Option<Integer> MAX_PAGES = whole("max_pages", PLANET, 20, 0, "numbered pages published");
    static final Option<Boolean> READER_PAGES = option(
                    "reader_pages",
                    PLANET,
                    "yes",
                    OptionValues::yesOrNo,
                    ACTED_ON,
                    "whether the default theme publishes a page per feed and category, people and search")
            .withBlankAsValue();
    static final Option<Integer> MAX_CONNECTIONS = whole("max_connections", PLANET, 64, 1, "feeds fetched at once");
    static final Option<Integer> MAX_CONNECTIONS_PER_HOST =
            whole("max_connections_per_host", PLANET, 4, 1, "connections open to one host at once");
    static final Option<Integer> POLL_INTERVAL =
            whole("poll_interval", PLANET, 1800, 10, "seconds orrery serve waits between fetches of a feed");
    static final Option<Optional<String>> WEBSUB_CALLBACK =
            optionalText("websub_callback", PLANET, ACTED_ON, "the public URL orrery serve takes WebSub pushes under");
    static final Option<Integer> MAX_ENTRIES_PER_FEED =
            whole("max_entries_per_feed", PLANET, 1000, 1, "entries read of one feed");
    static final Option<Long> MAX_FEED_BYTES = option(
            "max_feed_bytes",
            PLANET,
            Long.toString(16L * 1024 * 1024),
            OptionValues::bytes,
            ACTED_ON,
            "the largest feed accepted, after decompression");
    static final Option<RiverOrder> RIVER_ORDER = option(
            "river_order", PLANET, "date", OptionValues::riverOrder, ACTED_ON, "what the river is sorted and dated by");
    static final Option<Optional<Dialect>> DIALECT = option(
            "dialect",
            PLANET,
            "",
            (k, v) -> v.isEmpty() ? Optional.empty() : OptionValues.dialect(k, v),
            ACTED_ON,
            "venus or planet2: whose meaning options take where the two differ");
    static final Option<Optional<String>> DATABASE = option(
            "database",
            PLANET,
            "",
            (k, v) -> v.isEmpty() ? Optional.empty() : OptionValues.database(k, v),
            ACTED_ON,
            "postgresql://host:port/db?user=...: the store on PostgreSQL (ORRERY_DATABASE wins)");
    static final Option<Boolean> ALLOW_PRIVATE_ADDRESSES = option(
                    "allow_private_addresses",
                    BOTH,
                    "no",
                    OptionValues::yesOrNo,
                    ACTED_ON,
                    "whether feeds may be fetched from loopback and private addresses")
            .withBlankAsValue();

    // Per subscription, read into SubscriptionOptions.
    static final Option<List<String>> IGNORE_IN_FEED =
            list("ignore_in_feed", SUBSCRIPTION, "", ACTED_ON, "entry fields the feed gets wrong, dropped");
    static final Option<Optional<String>> TITLE_TYPE =
            optionalText("title_type", SUBSCRIPTION, ACTED_ON, "how titles are to be read");
    static final Option<Optional<String>> SUMMARY_TYPE =
            optionalText("summary_type", SUBSCRIPTION, ACTED_ON, "how summaries are to be read");
    static final Option<Optional<String>> CONTENT_TYPE = optionalText(
            "content_type", SUBSCRIPTION, ACTED_ON, "how contents are to be read, or the kind of reading list");
    static final Option<Optional<String>> NAME_TYPE =
            optionalText("name_type", SUBSCRIPTION, ACTED_ON, "how author names are to be read");
    static final Option<SubscriptionOptions.FutureDates> FUTURE_DATES = option(
            "future_dates",
            SUBSCRIPTION,
            "keep",
            OptionValues::futureDates,
            ACTED_ON,
            "what becomes of an entry dated after now");
    static final Option<Optional<String>> XML_BASE = optionalText(
                    "xml_base", SUBSCRIPTION, ACTED_ON, "the base relative links resolve against")
            .notYetActedOn("bodies keep the base the feed declares");
    static final Option<Optional<String>> LANGUAGE = option(
            "language",
            SUBSCRIPTION,
            "",
            OptionValues::languageTag,
            ACTED_ON,
            "the language of the feed's entries, over what the feed declares");
    static final Option<Integer> CACHE_KEEP_DAYS =
            whole("cache_keep_days", BOTH, 0, 0, "expunging keeps the entries of the last this many days");

    // Read by Venus and passed to templates, or ignored: Orrery does their job its own way.
    private static final List<Option<?>> OTHERS = List.of(
            text("cache_sources_directory", PLANET, "", IGNORED, "Venus's copies of the feeds"),
            text("cache_blacklist_directory", PLANET, "", IGNORED, "Venus's feeds not to fetch"),
            text("cache_lists_directory", PLANET, "", IGNORED, "Venus's copies of reading lists"),
            text("http_cache_directory", PLANET, "", IGNORED, "Venus's HTTP cache"),
            text("log_format", PLANET, "", IGNORED, "Venus's log format"),
            text("feedtype", PLANET, "", TEMPLATES, "the type of the planet's own feed"),
            text("django_autoescape", PLANET, "on", TEMPLATES, "whether Django templates escape"));

    /** Every option, by name. */
    static final Map<String, Option<?>> ALL = byName(Stream.concat(
                    Stream.of(
                            NAME,
                            LINK,
                            OWNER_NAME,
                            OWNER_EMAIL,
                            CACHE_DIRECTORY,
                            OUTPUT_DIR,
                            ITEMS_PER_PAGE,
                            DATE_FORMAT,
                            NEW_DATE_FORMAT,
                            FEED_TIMEOUT,
                            TIME_ZONE,
                            TEMPLATE_FILES,
                            DAYS_PER_PAGE,
                            ENCODING,
                            LOCALE,
                            ACTIVITY_THRESHOLD,
                            NEW_FEED_ITEMS,
                            SPIDER_THREADS,
                            LOG_LEVEL,
                            GENERATOR,
                            GENERATOR_URI,
                            FEED,
                            CACHE_KEEP_ENTRIES,
                            PUBSUBHUBBUB_HUB,
                            PUBSUBHUBBUB_FEEDS,
                            OUTPUT_THEME,
                            TEMPLATE_DIRECTORIES,
                            BILL_OF_MATERIALS,
                            FILTERS,
                            FILTER_DIRECTORIES,
                            FILTER,
                            EXCLUDE,
                            IFRAME_HOSTS,
                            MAX_PAGES,
                            READER_PAGES,
                            MAX_CONNECTIONS,
                            MAX_CONNECTIONS_PER_HOST,
                            POLL_INTERVAL,
                            WEBSUB_CALLBACK,
                            MAX_ENTRIES_PER_FEED,
                            MAX_FEED_BYTES,
                            RIVER_ORDER,
                            DIALECT,
                            DATABASE,
                            ALLOW_PRIVATE_ADDRESSES,
                            IGNORE_IN_FEED,
                            TITLE_TYPE,
                            SUMMARY_TYPE,
                            CONTENT_TYPE,
                            NAME_TYPE,
                            FUTURE_DATES,
                            XML_BASE,
                            LANGUAGE,
                            CACHE_KEEP_DAYS),
                    OTHERS.stream())
            .toList());

    private static Map<String, Option<?>> byName(List<Option<?>> options) {
        Map<String, Option<?>> byName = new LinkedHashMap<>();
        for (Option<?> option : options) {
            if (byName.put(option.name(), option) != null) {
                throw new IllegalStateException("option " + option.name() + " is declared twice");
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    private OptionTable() {}

    /** Every option, by name. */
    public static Map<String, Option<?>> all() {
        return ALL;
    }

    /** The option named {@code key}, if Venus, Planet 2.0 or Orrery reads one so named. */
    public static Optional<Option<?>> of(String key) {
        return Optional.ofNullable(ALL.get(key));
    }
}
