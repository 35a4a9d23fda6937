package org.orrery.refresh;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orrery.config.ConfigException;
import org.orrery.config.PlanetConfig;
import org.orrery.config.ReadingList;
import org.orrery.config.ReadingListParser;
import org.orrery.config.SubscriptionOptions;
import org.orrery.config.SubscriptionSections;
import org.orrery.fetch.FetchResult;
import org.orrery.fetch.Fetcher;
import org.orrery.fetch.PrivateAddresses;
import org.orrery.model.RiverOrder;
import org.orrery.model.Subscription;
import org.orrery.model.Validators;
import org.orrery.store.Expiry;
import org.orrery.store.FeedState;
import org.orrery.store.ReadingListCopy;
import org.orrery.store.Store;

/**
 * A planet's subscriptions: those its config names, then those its reading lists name (Venus's
 * {@code reading_lists}). A list that cannot be fetched or read is expanded from its last
 * readable copy; a subscription the config names itself keeps the config's options.
 *
 * @param subscriptions the configured subscriptions, then each list's new ones, in config order
 * @param origins the reading list each subscription of a list came from
 * @param problems one line per list that could not be fetched or read this time
 * @param complete false when some list's subscriptions are unknown (never read successfully)
 */
public record ReadingLists(
        List<Subscription> subscriptions, Map<URI, ReadingList> origins, List<String> problems, boolean complete) {
    public ReadingLists {
        subscriptions = List.copyOf(subscriptions);
        origins = Map.copyOf(origins);
        problems = List.copyOf(problems);
    }

    /** Fetches every reading list (conditionally), keeps each readable copy, and expands them. */
    public static ReadingLists fetch(PlanetConfig config, Fetcher fetcher, Store store, Instant now) {
        return expand(config, store, (list, stored, problems) -> {
            var result = fetcher.fetch(
                    list.uri(),
                    stored.map(ReadingListCopy::validators).orElse(Validators.NONE),
                    privateAllowed(config, list));
            return switch (result) {
                case FetchResult.NotModified n -> stored;
                case FetchResult.Failed f -> {
                    problems.add(list.uri() + ": " + f.reason());
                    yield stored;
                }
                case FetchResult.Fetched f -> {
                    try {
                        ReadingListParser.parse(list, f.body());
                        var copy = new ReadingListCopy(f.body(), f.validators(), now);
                        store.saveReadingList(list.uri(), copy);
                        yield Optional.of(copy);
                    } catch (ConfigException e) {
                        problems.add(list.uri() + ": " + e.getMessage());
                        yield stored;
                    }
                }
            };
        });
    }

    /** Expands every reading list from its stored copy, without fetching (for publishing offline). */
    public static ReadingLists stored(PlanetConfig config, Store store) {
        return expand(config, store, (list, stored, problems) -> stored);
    }

    /**
     * Whether fetching a subscription may reach loopback, private and link-local addresses: as
     * for a configured feed when the config names it; for a feed a list names, only when the list
     * is itself at such an address or its section allows it, so a public list cannot point Orrery
     * at an intranet (the list's own options decide, not those the list document sets).
     */
    boolean privateAllowed(PlanetConfig config, Subscription subscription) {
        ReadingList list = origins.get(subscription.feedUri());
        if (list == null) {
            return config.privateAddressesAllowed(subscription) || PrivateAddresses.namedBy(subscription.feedUri());
        }
        return config.privateAddressesAllowed(list)
                || (PrivateAddresses.namedBy(subscription.feedUri()) && PrivateAddresses.namedBy(list.uri()));
    }

    /**
     * Why a subscription is refused without being fetched, if it is: a feed a reading list names
     * must be an {@code http} or {@code https} URL. Only the config may name local files (section
     * names that are paths, as Venus read them); a list is written by someone else, and a {@code
     * file:} URL in it would have Orrery read a file of this machine and publish it.
     */
    Optional<String> refusal(Subscription subscription) {
        if (!origins.containsKey(subscription.feedUri())) {
            return Optional.empty();
        }
        String scheme = Optional.ofNullable(subscription.feedUri().getScheme())
                .orElse("")
                .toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            return Optional.empty();
        }
        // The list parser resolves every URL it yields: there is always a scheme.
        return Optional.of("refused: a reading list may name only http and https feeds, not " + scheme
                + ": URLs (only config.ini may name local files)");
    }

    /** The subscriptions but those {@link #refusal refused}: what the site shows. */
    public List<Subscription> accepted() {
        return subscriptions.stream().filter(s -> refusal(s).isEmpty()).toList();
    }

    /**
     * Before a renamed section could start afresh (and its old row be expunged): gives it the
     * stored subscription it was renamed from ({@link Store#carryOver}). Only when every list was
     * read, since a row a list's unknown feeds still use is not an orphan.
     *
     * @return the fetch states, read again when a subscription was renamed
     */
    public Map<URI, FeedState> carryOverRenamed(Store store) {
        Map<URI, FeedState> states = store.states();
        if (!complete) {
            return states;
        }
        Set<URI> configured = new HashSet<>();
        subscriptions.forEach(s -> configured.add(s.feedUri()));
        Set<URI> missing = new HashSet<>(configured);
        missing.removeAll(states.keySet());
        boolean orphans = states.keySet().stream().anyMatch(uri -> !configured.contains(uri));
        if (missing.isEmpty() || !orphans || store.carryOver(missing, configured) == 0) {
            return states;
        }
        return store.states();
    }

    /**
     * What expunging keeps (Venus's {@code expunge.py}): of each subscription all but the newest
     * {@code cache_keep_entries}, except entries of the last {@code cache_keep_days} days and
     * entries still in the feed; and every entry of a feed no longer subscribed, unless a reading
     * list's subscriptions are unknown.
     */
    public Expiry expiry(PlanetConfig config, Instant now) {
        Map<URI, Expiry.Rule> keep = new HashMap<>();
        for (Subscription subscription : subscriptions) {
            SubscriptionOptions options = config.subscriptionOptions(subscription);
            Optional<Instant> since = options.cacheKeepDays() == 0
                    ? Optional.empty()
                    : Optional.of(now.minus(Duration.ofDays(options.cacheKeepDays())));
            keep.putIfAbsent(subscription.feedUri(), new Expiry.Rule(options.cacheKeepEntries(), since));
        }
        RiverOrder order = config.options().riverOrder();
        // A body sanitised a month ago and shown since is sanitised again: the cache holds what
        // was shown lately, not every body ever shown.
        return new Expiry(keep, !complete, order, now.minus(Duration.ofDays(30)));
    }

    private static boolean privateAllowed(PlanetConfig config, ReadingList list) {
        return config.privateAddressesAllowed(list) || PrivateAddresses.namedBy(list.uri());
    }

    /** Where a list's copy comes from this time; adds a line to {@code problems} for each failure. */
    private interface Source {
        Optional<ReadingListCopy> copy(ReadingList list, Optional<ReadingListCopy> stored, List<String> problems);
    }

    private static ReadingLists expand(PlanetConfig config, Store store, Source source) {
        Map<URI, Subscription> subscriptions = new LinkedHashMap<>();
        // A list's feed that the config (or an earlier list) names already, in any spelling of
        // its URL (config.SubscriptionSections.sameFeedKey), is that subscription.
        Set<String> known = new HashSet<>();
        config.subscriptions().forEach(s -> {
            subscriptions.putIfAbsent(s.feedUri(), s);
            known.add(SubscriptionSections.sameFeedKey(s.feedUri()));
        });
        Map<URI, ReadingList> origins = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        boolean complete = true;
        for (ReadingList list : config.readingLists()) {
            Optional<ReadingListCopy> copy = source.copy(list, store.readingList(list.uri()), problems);
            if (copy.isEmpty()) {
                problems.add(list.uri() + ": no copy of the list was ever read; its subscriptions are missing");
                complete = false;
                continue;
            }
            List<Subscription> listed;
            try {
                listed = ReadingListParser.parse(list, copy.get().body());
            } catch (ConfigException e) {
                // A copy read before with other options (a changed content_type, say).
                problems.add(list.uri() + ": " + e.getMessage() + "; its subscriptions are missing");
                complete = false;
                continue;
            }
            for (Subscription subscription : listed) {
                if (!known.add(SubscriptionSections.sameFeedKey(subscription.feedUri()))) {
                    continue;
                }
                try {
                    config.subscriptionOptions(subscription);
                } catch (IllegalArgumentException e) {
                    problems.add(list.uri() + ": skipped " + subscription.feedUri() + ": " + e.getMessage());
                    continue;
                }
                subscriptions.put(subscription.feedUri(), subscription);
                origins.put(subscription.feedUri(), list);
            }
        }
        return new ReadingLists(List.copyOf(subscriptions.values()), origins, problems, complete);
    }
}
