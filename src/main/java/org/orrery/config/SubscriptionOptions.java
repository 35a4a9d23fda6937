package org.orrery.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The options Venus reads per subscription, resolved by its lookup (the subscription's section,
 * then {@code [Planet]}, then the default; venus-reference.md §2.2).
 *
 * @param name {@code name}, the display name, when configured
 * @param filter {@code filter}: a regular expression (Python syntax) the entry's text must
 *     match
 * @param exclude {@code exclude}: a regular expression the entry's text must not match
 * @param filters the filters to run on each entry, in order: {@code [Planet]}'s {@code filters},
 *     then {@code filter} and {@code exclude} (as Venus's {@code regexp_sifter.py}), then the
 *     section's own {@code filters}
 * @param ignoreInFeed {@code ignore_in_feed}: entry fields to drop, lower-case ({@code author},
 *     {@code id}, {@code updated}, {@code xml:lang}, ...)
 * @param titleType {@code title_type}, as a MIME type ({@code text} is {@code text/plain}, {@code
 *     html} {@code text/html}, {@code xhtml} {@code application/xhtml+xml})
 * @param summaryType {@code summary_type}, the same way
 * @param contentType {@code content_type}, the same way (never a reading-list type here)
 * @param nameType {@code name_type}: {@code html} strips tags from author names
 * @param futureDates {@code future_dates}
 * @param xmlBase {@code xml_base}: {@code feed_alternate}, {@code entry_alternate} or a URI
 * @param language Orrery's {@code language}: the language of the feed's entries, as written; the
 *     default theme reads it from the channel's options
 * @param cacheKeepEntries {@code cache_keep_entries}: how many of the feed's newest entries
 *     expunging keeps
 * @param cacheKeepDays Orrery's {@code cache_keep_days}: expunging keeps the entries of the last
 *     this many days too; 0 for no such limit
 * @param activityThresholdDays {@code activity_threshold}: days without a new entry after which
 *     the feed is called quiet, 0 for never
 */
public record SubscriptionOptions(
        Optional<String> name,
        Optional<String> filter,
        Optional<String> exclude,
        List<FilterSpec> filters,
        Set<String> ignoreInFeed,
        Optional<String> titleType,
        Optional<String> summaryType,
        Optional<String> contentType,
        Optional<String> nameType,
        FutureDates futureDates,
        Optional<String> xmlBase,
        Optional<String> language,
        int cacheKeepEntries,
        int cacheKeepDays,
        int activityThresholdDays) {
    /** What {@code future_dates} does with an entry dated after now. */
    public enum FutureDates {
        /** Keep the date: the entry sorts to the top until then (Venus's default). */
        KEEP,
        /** Show the entry under the time it was first seen until its date has passed. */
        IGNORE_DATE,
        /** Hide the entry until its date has passed. */
        IGNORE_ENTRY
    }

    public SubscriptionOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(exclude, "exclude");
        filters = List.copyOf(filters);
        ignoreInFeed = Set.copyOf(ignoreInFeed);
        Objects.requireNonNull(titleType, "titleType");
        Objects.requireNonNull(summaryType, "summaryType");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(nameType, "nameType");
        Objects.requireNonNull(futureDates, "futureDates");
        Objects.requireNonNull(xmlBase, "xmlBase");
        Objects.requireNonNull(language, "language");
    }
}
