package org.orrery.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whose meaning a config's options take where Planet Venus and Planet 2.0 differ
 * ({@code new_feed_items}). A config is Venus's when its {@code [Planet]} section sets an option
 * only Venus reads; otherwise it is Planet 2.0's. Orrery's option {@code dialect} overrides the
 * guess.
 */
public enum Dialect {
    /** Planet Venus. */
    VENUS("venus"),
    /** Planet 2.0 (the planet of planet.python.org). */
    PLANET2("planet2");

    /**
     * The {@code [Planet]} options Venus's {@code planet/config.py} reads and Planet 2.0's
     * {@code planet.py} and {@code planet/__init__.py} do not, in the order a reason names them.
     */
    static final List<String> VENUS_ONLY = List.of(
            "output_theme",
            "filters",
            "spider_threads",
            "http_cache_directory",
            "template_directories",
            "bill_of_materials",
            "cache_keep_entries",
            "cache_sources_directory",
            "cache_blacklist_directory",
            "cache_lists_directory",
            "filter_directories",
            "pubsubhubbub_hub",
            "pubsubhubbub_feeds",
            "generator",
            "generator_uri",
            "feedtype",
            "log_format",
            "django_autoescape",
            "exclude",
            "ignore_in_feed",
            "future_dates",
            "xml_base",
            "name_type",
            "title_type",
            "summary_type");

    private final String optionValue;

    Dialect(String optionValue) {
        this.optionValue = optionValue;
    }

    /** How the option {@code dialect} writes it. */
    public String optionValue() {
        return optionValue;
    }

    /** The dialect an option value names (case-insensitive, surrounding blanks ignored), if any. */
    public static Optional<Dialect> of(String optionValue) {
        String v = optionValue.strip().toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (dialect.optionValue.equals(v)) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    /**
     * The dialect chosen for a config, and why.
     *
     * @param reason why, in words for {@code orrery check}
     */
    public record Choice(Dialect dialect, String reason) {
        public Choice {
            Objects.requireNonNull(dialect, "dialect");
            Objects.requireNonNull(reason, "reason");
        }

        /** Which dialect and why, as {@code orrery check} says it: {@code venus ([Planet] sets output_theme, ...)}. */
        public String describe() {
            return dialect.optionValue + " (" + reason + ")";
        }
    }

    /**
     * The dialect of a config whose {@code [Planet]} section gives {@code lookup}: {@code
     * explicit} when set, else Venus's when the section sets one of {@link #VENUS_ONLY}.
     */
    static Choice choose(Function<String, Optional<String>> lookup, Optional<Dialect> explicit) {
        if (explicit.isPresent()) {
            return new Choice(explicit.get(), "[Planet] dialect = " + explicit.get().optionValue);
        }
        List<String> venusOnly =
                VENUS_ONLY.stream().filter(k -> lookup.apply(k).isPresent()).toList();
        if (venusOnly.isEmpty()) {
            return new Choice(PLANET2, "[Planet] sets no option only Venus reads");
        }
        List<String> named = venusOnly.subList(0, Math.min(3, venusOnly.size()));
        String more = venusOnly.size() > named.size() ? ", ..." : "";
        return new Choice(VENUS, "[Planet] sets " + String.join(", ", named) + more + ", which only Venus reads");
    }
}
