package org.orrery.filter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.orrery.config.FilterSpec;
import org.orrery.config.PlanetConfig;
import org.orrery.config.SubscriptionOptions;
import org.orrery.model.Entry;
import org.orrery.model.Subscription;

/**
 * Everything one subscription does to its entries before they are stored, in Venus's order:
 * scrubbing ({@code ignore_in_feed}, the {@code *_type} options, {@code future_dates}), then
 * the filters ({@code [Planet]}'s {@code filters}, {@code filter}, {@code exclude}, the
 * section's own {@code filters}), then, on a feed's first refresh, {@code new_feed_items}.
 * Immutable and thread-safe; build one per subscription per refresh.
 */
public final class EntryFilters {
    private final List<EntryFilter> chain;
    private final int newFeedItems;
    private final UnaryOperator<Entry> sanitise;

    private EntryFilters(List<EntryFilter> chain, int newFeedItems, UnaryOperator<Entry> sanitise) {
        this.chain = List.copyOf(chain);
        this.newFeedItems = newFeedItems;
        this.sanitise = sanitise;
    }

    /**
     * These filters, given entries whose bodies are raw, sanitising them with {@code sanitise}
     * before the first filter that reads sanitised bodies: filters of the raw markup before it
     * ({@link EntryFilter#onRawMarkup()}) see the markup as the feed wrote it. An entry no such
     * filter reads keeps its raw bodies (publishing sanitises them).
     */
    public EntryFilters sanitisingWith(UnaryOperator<Entry> sanitise) {
        return new EntryFilters(chain, newFeedItems, sanitise);
    }

    /** Whether any filter reads or rewrites bodies ({@link EntryFilter#readsBodies()}). */
    public boolean readsBodies() {
        return chain.stream().anyMatch(EntryFilter::readsBodies);
    }

    /**
     * The filters of a subscription as its config resolves them. Filters Orrery does not
     * provide are skipped (the config's warnings name them).
     *
     * @throws IllegalArgumentException when an option of a subscription that did not come
     *     through {@link org.orrery.config.ConfigLoader} (one from a reading list) is unusable
     */
    public static EntryFilters forSubscription(PlanetConfig config, Subscription subscription) {
        SubscriptionOptions options = config.subscriptionOptions(subscription);
        List<EntryFilter> chain = new ArrayList<>();
        chain.add(new Scrub(options, subscription.feedUri()));
        if (options.futureDates() != SubscriptionOptions.FutureDates.KEEP) {
            chain.add(new FutureDates(options.futureDates()));
        }
        for (FilterSpec spec : options.filters()) {
            named(spec).ifPresent(chain::add);
        }
        return new EntryFilters(chain, config.options().newFeedItemsOfNewFeed(), UnaryOperator.identity());
    }

    /** The filter Orrery provides under a Venus name, if it provides one. */
    static java.util.Optional<EntryFilter> named(FilterSpec spec) {
        EntryFilter filter =
                switch (spec.name()) {
                    case "excerpt.py" -> new Excerpt(spec.params());
                    case "regexp_sifter.py" -> new RegexpSifter(spec.params());
                    case "xpath_sifter.py" -> new XPathSifter(spec.params());
                    case "minhead.py" -> new MinHead(spec.params());
                    case "stripAd/feedburner.sed" -> StripAds.feedburner();
                    case "stripAd/google_ad_map.sed" -> StripAds.googleAdMap();
                    case "stripAd/yahoo.sed" -> StripAds.yahoo();
                    // notweets.py: Twitter's own feeds give entries tag:twitter.com ids.
                    case "notweets.py" -> new NoTweets();
                    case "h1title.xslt" -> Titles.h1Title();
                    case "detitle.xslt" -> Titles.deTitle();
                    default -> null;
                };
        return java.util.Optional.ofNullable(filter);
    }

    /**
     * One entry through the scrubbing and filters; a drop stops the chain.
     *
     * @param now the time of the refresh
     * @param firstSeen when the planet first stored this entry, or {@code now} for a new one
     */
    public Verdict apply(Entry entry, Instant now, Instant firstSeen) {
        Objects.requireNonNull(entry, "entry");
        Entry current = entry;
        boolean raw = true;
        for (EntryFilter filter : chain) {
            if (raw && filter.readsBodies() && !filter.onRawMarkup()) {
                current = sanitise.apply(current);
                raw = false;
            }
            switch (filter.apply(current, now, firstSeen)) {
                case Verdict.Kept kept -> current = kept.entry();
                case Verdict.Dropped dropped -> {
                    return dropped;
                }
                case Verdict.Hidden hidden -> {
                    return hidden;
                }
            }
        }
        return new Verdict.Kept(current);
    }

    /**
     * A refresh's entries, in feed order, through {@link #apply}; on a feed's first refresh
     * Planet 2.0's {@code new_feed_items} then hides every entry after the first {@code n} of
     * the feed (counted before filtering, as Planet 2.0 counts).
     *
     * @param firstSeen when the planet first stored an entry, or {@code now} for a new one
     * @param firstRefresh whether the planet has never stored an entry of this subscription
     * @return one verdict per entry, in the same order
     */
    public List<Verdict> apply(
            List<Entry> entries, Instant now, Function<Entry, Instant> firstSeen, boolean firstRefresh) {
        List<Verdict> verdicts = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            Verdict verdict = apply(entry, now, firstSeen.apply(entry));
            if (firstRefresh && newFeedItems > 0 && i >= newFeedItems && verdict instanceof Verdict.Kept kept) {
                verdict = new Verdict.Hidden(
                        kept.entry(), "new_feed_items = " + newFeedItems + ": only the newest are shown of a new feed");
            }
            verdicts.add(verdict);
        }
        return verdicts;
    }
}
