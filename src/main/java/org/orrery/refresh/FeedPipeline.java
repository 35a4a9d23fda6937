package org.orrery.refresh;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.orrery.config.PlanetConfig;
import org.orrery.config.SubscriptionOptions;
import org.orrery.fetch.FetchResult;
import org.orrery.fetch.Fetcher;
import org.orrery.filter.EntryFilters;
import org.orrery.filter.Verdict;
import org.orrery.model.Checksum;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Sha256;
import org.orrery.model.Subscription;
import org.orrery.model.Validators;
import org.orrery.normalize.EntryNormalizer;
import org.orrery.parse.FeedParseException;
import org.orrery.parse.FeedParser;
import org.orrery.parse.ParseLimits;
import org.orrery.parse.ParsedFeed;
import org.orrery.sanitize.HtmlSanitizer;
import org.orrery.sanitize.SafeUrls;
import org.orrery.schedule.NextSchedule;
import org.orrery.schedule.Schedule;
import org.orrery.store.FeedState;
import org.orrery.store.Refresh;
import org.orrery.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription's refresh, start to end: fetch ─► digest ─► parse ─► normalise ─► filter ─►
 * the {@link Refresh} the store saves. Returns every outcome as a value; thread-safe, so one
 * pipeline serves all refreshing threads.
 */
public final class FeedPipeline {
    private static final Logger log = LoggerFactory.getLogger(FeedPipeline.class);

    private final PlanetConfig config;
    private final Fetcher fetcher;
    private final Store store;
    private final InstantSource clock;
    private final FeedParser parser = new FeedParser();
    /** Bodies kept as the feed gave them, sanitised when published. */
    private final EntryNormalizer raw;
    /** Bodies sanitised now, for the subscriptions whose filters read them. */
    private final EntryNormalizer sanitising;

    private final NextSchedule next;
    private final ParseLimits parseLimits;
    /** Each filter recipe's digest, by the recipe's text. */
    private final Map<String, String> recipes = new ConcurrentHashMap<>();

    /** @param random draws the jitter added to waits; shared by all refreshing threads, so thread-safe */
    public FeedPipeline(
            PlanetConfig config, Fetcher fetcher, Store store, InstantSource clock, RandomGenerator random) {
        this(config, fetcher, store, clock, random, Duration.ZERO);
    }

    /**
     * @param pollInterval how long a feed that states no freshness lifetime waits after a
     *     success ({@link NextSchedule}): zero for cron runs
     */
    public FeedPipeline(
            PlanetConfig config,
            Fetcher fetcher,
            Store store,
            InstantSource clock,
            RandomGenerator random,
            Duration pollInterval) {
        this.config = config;
        this.fetcher = fetcher;
        this.store = store;
        this.clock = clock;
        var sanitizer = new HtmlSanitizer(config.options().iframeHosts());
        this.raw = EntryNormalizer.raw(sanitizer);
        this.sanitising = EntryNormalizer.sanitising(sanitizer);
        this.next = new NextSchedule(random, pollInterval);
        // A feed's parsing has as long as its fetch had: a document made to keep the parser
        // busy fails alone instead of holding up the run.
        this.parseLimits = new ParseLimits(config.options().maxEntriesPerFeed(), config.feedTimeout(), clock);
    }

    /**
     * Refreshes one subscription of {@code lists}.
     *
     * @param stored whether the store has a row for the subscription (it was refreshed before)
     */
    Refresh refresh(Subscription subscription, FeedState state, boolean stored, ReadingLists lists) {
        URI uri = subscription.feedUri();
        Optional<String> refused = lists.refusal(subscription);
        if (refused.isPresent()) {
            return failed(uri, clock.instant(), state, refused.get(), OptionalInt.empty(), Optional.empty());
        }
        URI target = state.schedule().redirectedTo().orElse(uri);
        // The configured URL decides, not where it moved: a redirect never earns private access.
        // Filters changed since the feed was last parsed: ask for the whole feed again, so that
        // its stored entries meet them (Venus's retroactive filtering).
        String recipe = recipe(config.subscriptionOptions(subscription));
        Validators validators = state.contentHash()
                        .filter(h -> h.contains("/") && !h.endsWith("/" + recipe))
                        .isPresent()
                ? Validators.NONE
                : state.validators();
        var result = fetcher.fetch(target, validators, lists.privateAllowed(config, subscription));
        var at = clock.instant();
        return switch (result) {
            case FetchResult.NotModified n ->
                new Refresh.NotModified(
                        uri,
                        at,
                        n.validators(),
                        OptionalInt.of(304),
                        next.afterSuccess(state.schedule(), at, n.redirects(), n.maxAge()));
            case FetchResult.Failed f -> failed(uri, at, state, f.reason(), f.httpStatus(), f.retryAfter());
            case FetchResult.Fetched f -> fetched(subscription, state, stored, f, at);
        };
    }

    /**
     * Takes {@code body}, pushed by the subscription's WebSub hub, as if a fetch had just given
     * it: parsed, normalised, filtered and made the {@link Refresh} the store saves. The stored
     * validators are kept, so the next poll still asks conditionally.
     */
    Refresh pushed(
            Subscription subscription,
            FeedState state,
            boolean stored,
            ReadingLists lists,
            byte[] body,
            Optional<String> charset) {
        URI uri = subscription.feedUri();
        Optional<String> refused = lists.refusal(subscription);
        if (refused.isPresent()) {
            return failed(uri, clock.instant(), state, refused.get(), OptionalInt.empty(), Optional.empty());
        }
        var result = new FetchResult.Fetched(body, charset, uri, state.validators(), OptionalInt.empty());
        return fetched(subscription, state, stored, result, clock.instant());
    }

    private Refresh fetched(
            Subscription subscription, FeedState state, boolean stored, FetchResult.Fetched f, Instant at) {
        URI uri = subscription.feedUri();
        Schedule schedule = next.afterSuccess(state.schedule(), at, f.redirects(), f.maxAge());
        String hash = Checksum.of(f.body()) + "/" + recipe(config.subscriptionOptions(subscription));
        if (state.contentHash().filter(hash::equals).isPresent()) {
            // The same bytes as last time: nothing to parse, nothing changed.
            return new Refresh.NotModified(uri, at, f.validators(), f.httpStatus(), schedule);
        }
        ParsedFeed feed;
        try {
            feed = parser.parse(f.body(), f.finalUri(), f.charset(), parseLimits);
        } catch (FeedParseException e) {
            return failed(uri, at, state, unreadable(f.finalUri(), e), f.httpStatus(), Optional.empty());
        }
        feed.warnings().forEach(w -> log.info("{}: {}", uri, w));
        Optional<String> warning = feed.warnings().stream()
                .filter(w -> w.startsWith(ParseLimits.TOO_MANY_ENTRIES))
                .findFirst()
                .map(w -> w + " (max_entries_per_feed)");
        // Bodies stay as the feed gave them unless a filter reads them sanitised (it then gets them so).
        EntryFilters filters =
                EntryFilters.forSubscription(config, subscription).sanitisingWith(sanitising::sanitised);
        var normalized = feed.entries().stream().map(raw::normalize).toList();
        var kept = filter(subscription, filters, normalized, at, stored);
        // An entry future_dates held back (or re-dated) is decided again by the next refresh,
        // once its date may have passed: so that one parses the feed again, rather than getting
        // a 304 or finding the same bytes.
        boolean undecided =
                config.subscriptionOptions(subscription).futureDates() != SubscriptionOptions.FutureDates.KEEP
                        && normalized.stream().anyMatch(e -> after(e.published(), at) || after(e.updated(), at));
        return new Refresh.Fetched(
                uri,
                at,
                undecided ? Validators.NONE : f.validators(),
                f.httpStatus(),
                new FeedInfo(
                        feed.title(),
                        feed.link().flatMap(SafeUrls::of),
                        feed.id(),
                        feed.subtitle(),
                        feed.author(),
                        feed.updated(),
                        feed.language(),
                        feed.credits()),
                kept.entries(),
                undecided ? Optional.empty() : Optional.of(hash),
                schedule,
                kept.hiddenKeys(),
                warning,
                kept.droppedKeys());
    }

    /**
     * What decides which of a feed's entries are stored and how: its filters, sifters and
     * scrubbing options, as a short digest kept with the feed's checksum.
     */
    String recipe(SubscriptionOptions options) {
        // Most subscriptions share a recipe, and SHA-256 is costly before the JIT has warmed up:
        // at 10,000 feeds answering 304 it was a tenth of the run.
        return recipes.computeIfAbsent(
                recipeText(options), text -> Sha256.hex(text).substring(0, 12));
    }

    private static String recipeText(SubscriptionOptions options) {
        var text = new StringBuilder();
        text.append(options.filter().orElse("")).append('\n');
        text.append(options.exclude().orElse("")).append('\n');
        for (var spec : options.filters()) {
            text.append(spec.name())
                    .append(new java.util.TreeMap<>(spec.params()))
                    .append('\n');
        }
        text.append(new java.util.TreeSet<>(options.ignoreInFeed())).append('\n');
        text.append(options.titleType()).append(options.summaryType()).append(options.contentType());
        text.append(options.nameType()).append(options.futureDates()).append(options.xmlBase());
        return text.toString();
    }

    /** The entries the filters keep (some of them hidden), in feed order; the keys of stored ones they drop. */
    private record Kept(List<Entry> entries, Set<String> hiddenKeys, Set<String> droppedKeys) {}

    /**
     * Venus's filters and sifters, Planet 2.0's {@code new_feed_items}, {@code future_dates}
     * and {@code ignore_in_feed}, applied when entries are fetched, as Venus does.
     */
    private Kept filter(
            Subscription subscription, EntryFilters filters, List<Entry> entries, Instant now, boolean stored) {
        // A subscription the store has no row for has no entries either: no query needed (at a
        // planet's first run, that is one query per feed).
        Map<String, Instant> firstSeen = stored ? store.firstSeen(subscription.feedUri()) : Map.of();
        List<Verdict> verdicts =
                filters.apply(entries, now, e -> firstSeen.getOrDefault(e.key(), now), firstSeen.isEmpty());
        var kept = new ArrayList<Entry>(entries.size());
        var hidden = new HashSet<String>();
        var dropped = new HashSet<String>();
        for (Verdict verdict : verdicts) {
            switch (verdict) {
                case Verdict.Kept k -> kept.add(k.entry());
                case Verdict.Hidden h -> {
                    kept.add(h.entry());
                    hidden.add(h.entry().key());
                }
                case Verdict.Dropped d -> {
                    log.debug("{}: dropped {}: {}", subscription.feedUri(), d.key(), d.reason());
                    if (firstSeen.containsKey(d.key())) {
                        dropped.add(d.key());
                    }
                }
            }
        }
        // A key the filters keep in one copy and drop in another (a feed repeating it) stays.
        kept.forEach(e -> dropped.remove(e.key()));
        return new Kept(kept, hidden, dropped);
    }

    /** A failed refresh of {@code uri} now, for a reason outside the pipeline (a bug, say). */
    Refresh.Failed failed(URI uri, FeedState state, String reason) {
        return failed(uri, clock.instant(), state, reason, OptionalInt.empty(), Optional.empty());
    }

    private Refresh.Failed failed(
            URI uri,
            Instant at,
            FeedState state,
            String reason,
            OptionalInt httpStatus,
            Optional<Duration> retryAfter) {
        boolean gone = httpStatus.equals(OptionalInt.of(410));
        return new Refresh.Failed(
                uri,
                at,
                reason,
                httpStatus,
                gone,
                next.afterFailure(state.schedule(), state.errorCount(), at, gone, retryAfter));
    }

    /**
     * Why a document is no feed, in words that may be published (health.json, the subscription
     * list): a parser's message may quote the document, which for a local file is this machine's
     * content, so it is left out for one.
     */
    static String unreadable(URI document, FeedParseException e) {
        if ("file".equalsIgnoreCase(document.getScheme())) {
            // The file was read, so its URL names a path.
            return "not a feed (RSS, Atom or JSON Feed); orrery parse " + Path.of(document) + " tells why";
        }
        return e.getMessage();
    }

    private static boolean after(Optional<Instant> date, Instant now) {
        return date.filter(now::isBefore).isPresent();
    }
}
