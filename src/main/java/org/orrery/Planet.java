package org.orrery;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.orrery.config.PlanetConfig;
import org.orrery.config.SubscriptionOptions;
import org.orrery.fetch.FetchResult;
import org.orrery.fetch.Fetcher;
import org.orrery.filter.EntryFilters;
import org.orrery.filter.Verdict;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Post;
import org.orrery.model.River;
import org.orrery.model.Subscription;
import org.orrery.model.Validators;
import org.orrery.normalize.EntryNormalizer;
import org.orrery.parse.FeedParseException;
import org.orrery.parse.FeedParser;
import org.orrery.parse.ParseLimits;
import org.orrery.parse.ParsedFeed;
import org.orrery.render.Navigation;
import org.orrery.render.PublishException;
import org.orrery.render.Site;
import org.orrery.render.SitePages;
import org.orrery.render.SiteRenderer;
import org.orrery.render.SiteWriter;
import org.orrery.render.Strftime;
import org.orrery.render.Theme;
import org.orrery.sanitize.HtmlSanitizer;
import org.orrery.sanitize.SafeUrls;
import org.orrery.store.Expiry;
import org.orrery.store.Expunged;
import org.orrery.store.FeedState;
import org.orrery.store.Refresh;
import org.orrery.store.RiverOrder;
import org.orrery.store.RiverRange;
import org.orrery.store.SaveResult;
import org.orrery.store.Schedule;
import org.orrery.store.Store;
import org.orrery.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One planet: refreshes its subscriptions into the store and publishes the site from it.
 *
 * <pre>
 * refresh: for each subscription, concurrently (virtual threads, bounded):
 *     Fetcher ─► FeedParser ─► EntryNormalizer ─► Store.save (one transaction)
 * publish: Store.riverDates ─► SitePages (front, numbered pages, monthly archives);
 *          per page Store.river ─► SiteRenderer ─► SiteWriter (atomic per file)
 * </pre>
 */
public final class Planet {
    private static final Logger log = LoggerFactory.getLogger(Planet.class);

    private final PlanetConfig config;
    private final Fetcher fetcher;
    private final Store store;
    private final InstantSource clock;
    private final FeedParser parser = new FeedParser();
    private final EntryNormalizer normalizer;
    private final NextSchedule next;
    private final ParseLimits parseLimits;
    /** The subscriptions with the reading lists expanded: fetched by refresh, else read from the store. */
    private volatile ReadingLists lists;
    /** Whether {@link #lists} were fetched by this planet's refresh rather than read from the store. */
    private volatile boolean listsFetched;

    public Planet(PlanetConfig config, Fetcher fetcher, Store store, InstantSource clock) {
        this(config, fetcher, store, clock, new Random());
    }

    /** @param random draws the jitter added to waits; shared by all refresh threads, so thread-safe */
    public Planet(PlanetConfig config, Fetcher fetcher, Store store, InstantSource clock, RandomGenerator random) {
        this.config = config;
        this.fetcher = fetcher;
        this.store = store;
        this.clock = clock;
        this.normalizer = new EntryNormalizer(
                HtmlSanitizer.forIframeHosts(config.options().iframeHosts().orElse(null)));
        this.next = new NextSchedule(random);
        // A feed's parsing has as long as its fetch had: a document made to keep the parser
        // busy fails alone instead of holding up the run.
        this.parseLimits = new ParseLimits(config.options().maxEntriesPerFeed(), config.feedTimeout(), clock);
    }

    /** The User-Agent Orrery sends: its name, version, and the planet that asks. */
    public static String userAgent(PlanetConfig config) {
        String planet = config.link().isBlank() ? "" : " (+" + config.link() + ")";
        return "Orrery/" + Version.get() + planet;
    }

    /** The database file of a planet: {@code orrery.db} in its cache directory. */
    public static Path databaseFile(PlanetConfig config) {
        return config.cacheDirectory().resolve("orrery.db");
    }

    /** Refreshes the subscriptions that are due; see {@link #refresh(boolean)}. */
    public RefreshSummary refresh() {
        return refresh(false);
    }

    /**
     * The planet's subscriptions: the config's, then those its reading lists name (as fetched by
     * the last {@link #refresh}, else as last stored). Publishing shows these.
     */
    public List<Subscription> subscriptions() {
        return lists().subscriptions();
    }

    private ReadingLists lists() {
        ReadingLists known = lists;
        if (known == null) {
            known = ReadingLists.stored(config, store);
            lists = known;
        }
        return known;
    }

    /**
     * Fetches the reading lists, then the due subscriptions, and saves what changed. One failing
     * feed never stops the rest. Due means not gone (410) and, unless {@code all}, not waiting
     * out a backoff, a Retry-After or a freshness lifetime the server gave.
     *
     * @throws StoreException when the database cannot be written (disk full, read-only): a fault
     *     of the planet, not of a feed, so no further feed is refreshed; what was saved is kept
     */
    public RefreshSummary refresh(boolean all) {
        return refresh(all, RefreshListener.NONE);
    }

    /** As {@link #refresh(boolean)}, telling {@code listener} of each subscription as it is done. */
    public RefreshSummary refresh(boolean all, RefreshListener listener) {
        ReadingLists current = ReadingLists.fetch(config, fetcher, store, clock.instant());
        lists = current;
        listsFetched = true;
        ReadingListProblems.write(config, current.problems());
        listener.starting(current.subscriptions().size());
        var ok = new AtomicInteger();
        var notModified = new AtomicInteger();
        var waiting = new AtomicInteger();
        var gone = new AtomicInteger();
        var saved = new ConcurrentLinkedQueue<SaveResult>();
        var failures = new ConcurrentLinkedQueue<String>();
        var moved = new ConcurrentLinkedQueue<String>();
        // As many subscriptions in flight as the fetcher opens connections (max_connections);
        // it also caps the connections to each host.
        var slots = new Semaphore(config.options().maxConnections());
        Map<URI, FeedState> states = carryOverRenamed(current, store.states());
        // The first storage fault (disk full, a read-only database): the planet's, not a feed's.
        var fault = new AtomicReference<StoreException>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Subscription subscription : current.subscriptions()) {
                executor.submit(() -> {
                    slots.acquireUninterruptibly();
                    var outcome = RefreshListener.Outcome.FAILED;
                    FeedState state = states.getOrDefault(subscription.feedUri(), FeedState.NEW);
                    try {
                        if (fault.get() != null) {
                            return; // nothing more could be saved: the run stops
                        }
                        if (state.gone()) {
                            gone.incrementAndGet();
                            outcome = RefreshListener.Outcome.GONE;
                            return;
                        }
                        Instant now = clock.instant();
                        if (!all
                                && state.schedule()
                                        .nextFetchAt()
                                        .filter(now::isBefore)
                                        .isPresent()) {
                            waiting.incrementAndGet();
                            outcome = RefreshListener.Outcome.WAITING;
                            return;
                        }
                        Refresh refresh = refresh(subscription, state, states.containsKey(subscription.feedUri()));
                        saved.add(store.save(refresh));
                        outcome = RefreshListener.Outcome.of(refresh);
                        switch (refresh) {
                            case Refresh.Fetched f -> ok.incrementAndGet();
                            case Refresh.NotModified n -> notModified.incrementAndGet();
                            case Refresh.Failed f ->
                                failures.add(f.feedUri() + ": " + f.reason()
                                        + (f.gone() ? " (no longer fetched; remove it from the config)" : ""));
                        }
                        refresh.schedule()
                                .redirectedTo()
                                .ifPresent(to -> moved.add(movedLine(subscription.feedUri(), to)));
                    } catch (RuntimeException | Error e) {
                        if (e instanceof StoreException s && s.storageFault()) {
                            fault.compareAndSet(null, s);
                            return;
                        }
                        // A bug, a store failure or an exhausted heap or stack for one feed: the
                        // others still run, and the feed's health says what happened.
                        log.error("refreshing {} failed unexpectedly", subscription.feedUri(), e);
                        String reason = internalError(e);
                        failures.add(subscription.feedUri() + ": " + reason);
                        recordFailure(subscription.feedUri(), state, reason);
                    } finally {
                        slots.release();
                        listener.finished(subscription.feedUri(), outcome);
                    }
                });
            }
        }
        if (fault.get() != null) {
            throw fault.get();
        }
        var total = saved.stream().reduce(SaveResult.NOTHING, SaveResult::plus);
        List<String> failed = new ArrayList<>(failures);
        failed.sort(null);
        List<String> movedLines = new ArrayList<>(moved);
        movedLines.sort(null);
        return new RefreshSummary(
                ok.get(),
                notModified.get(),
                failed.size(),
                total.added(),
                total.updated(),
                failed,
                waiting.get(),
                gone.get(),
                movedLines,
                current.problems());
    }

    /** "internal error: out of memory", never "internal error: null". */
    static String internalError(Throwable e) {
        String what =
                switch (e) {
                    case OutOfMemoryError o -> "out of memory";
                    case StackOverflowError s -> "too deeply nested (stack overflow)";
                    default ->
                        e.getMessage() == null || e.getMessage().isBlank()
                                ? e.getClass().getSimpleName()
                                : e.getClass().getSimpleName() + ": " + e.getMessage();
                };
        return "internal error: " + what;
    }

    /** Records an unexpected failure as the feed's failed refresh, unless the store is what failed. */
    private void recordFailure(URI uri, FeedState state, String reason) {
        try {
            store.save(failed(uri, clock.instant(), state, reason, OptionalInt.empty(), Optional.empty()));
        } catch (RuntimeException e) {
            log.error("recording the failure of {} failed too", uri, e);
        }
    }

    /**
     * Removes old entries (Venus's {@code expunge.py}): of each subscription all but the newest
     * {@code cache_keep_entries}, except entries of the last {@code cache_keep_days} days, entries
     * still in the feed and entries the front page shows; and every entry of a feed no longer
     * subscribed, unless a reading list's subscriptions are unknown.
     *
     * @return the subscriptions that lost entries, in URL order
     */
    public List<Expunged> expunge() {
        ReadingLists current = lists();
        carryOverRenamed(current, store.states());
        Instant now = clock.instant();
        Map<URI, Expiry.Rule> keep = new HashMap<>();
        for (Subscription subscription : current.subscriptions()) {
            SubscriptionOptions options = config.subscriptionOptions(subscription);
            Optional<Instant> since = options.cacheKeepDays() == 0
                    ? Optional.empty()
                    : Optional.of(now.minus(Duration.ofDays(options.cacheKeepDays())));
            keep.putIfAbsent(subscription.feedUri(), new Expiry.Rule(options.cacheKeepEntries(), since));
        }
        return store.expunge(new Expiry(keep, config.itemsPerPage(), !current.complete(), riverOrder(config)));
    }

    /**
     * Before a renamed section could start afresh (and its old row be expunged): gives it the
     * stored subscription it was renamed from ({@link Store#carryOver}). Only when every
     * reading list was read, since a row a list's unknown feeds still use is not an orphan.
     *
     * @return the fetch states, read again when a subscription was renamed
     */
    private Map<URI, FeedState> carryOverRenamed(ReadingLists current, Map<URI, FeedState> states) {
        if (!current.complete()) {
            return states;
        }
        Set<URI> configured = new HashSet<>();
        current.subscriptions().forEach(s -> configured.add(s.feedUri()));
        Set<URI> missing = new HashSet<>(configured);
        missing.removeAll(states.keySet());
        boolean orphans = states.keySet().stream().anyMatch(uri -> !configured.contains(uri));
        if (missing.isEmpty() || !orphans || store.carryOver(missing, configured) == 0) {
            return states;
        }
        return store.states();
    }

    /** The entries the filters keep (some of them hidden), in feed order. */
    private record Kept(List<Entry> entries, Set<String> hiddenKeys) {}

    /**
     * Venus's filters and sifters, Planet 2.0's {@code new_feed_items}, {@code future_dates}
     * and {@code ignore_in_feed}, applied when entries are fetched, as Venus does.
     */
    private Kept filter(Subscription subscription, List<Entry> entries, Instant now, boolean stored) {
        // A subscription the store has no row for has no entries either: no query needed (at a
        // planet's first run, that is one query per feed).
        Map<String, Instant> firstSeen = stored ? store.firstSeen(subscription.feedUri()) : Map.of();
        List<Verdict> verdicts = EntryFilters.forSubscription(config, subscription)
                .apply(entries, now, e -> firstSeen.getOrDefault(e.key(), now), firstSeen.isEmpty());
        var kept = new ArrayList<Entry>(entries.size());
        var hidden = new HashSet<String>();
        for (Verdict verdict : verdicts) {
            switch (verdict) {
                case Verdict.Kept k -> kept.add(k.entry());
                case Verdict.Hidden h -> {
                    kept.add(h.entry());
                    hidden.add(h.entry().key());
                }
                case Verdict.Dropped d -> log.debug("{}: dropped {}: {}", subscription.feedUri(), d.key(), d.reason());
            }
        }
        return new Kept(kept, hidden);
    }

    static String movedLine(URI configured, URI to) {
        return configured + " → " + to + ": update the section name in config.ini";
    }

    /** @param stored whether the store has a row for the subscription (it was refreshed before) */
    private Refresh refresh(Subscription subscription, FeedState state, boolean stored) {
        URI uri = subscription.feedUri();
        Optional<String> refused = lists().refusal(subscription);
        if (refused.isPresent()) {
            return failed(uri, clock.instant(), state, refused.get(), OptionalInt.empty(), Optional.empty());
        }
        URI target = state.schedule().redirectedTo().orElse(uri);
        // The configured URL decides, not where it moved: a redirect never earns private access.
        boolean privateAllowed = lists().privateAllowed(config, subscription);
        var result = fetcher.fetch(target, state.validators(), privateAllowed);
        var at = clock.instant();
        return switch (result) {
            case FetchResult.NotModified n ->
                new Refresh.NotModified(
                        uri,
                        at,
                        n.validators(),
                        OptionalInt.of(304),
                        next.afterSuccess(state, at, n.redirects(), n.maxAge()));
            case FetchResult.Failed f -> failed(uri, at, state, f.reason(), f.httpStatus(), f.retryAfter());
            case FetchResult.Fetched f -> {
                Schedule next = this.next.afterSuccess(state, at, f.redirects(), f.maxAge());
                String hash = sha256(f.body());
                if (state.contentHash().filter(hash::equals).isPresent()) {
                    // The same bytes as last time: nothing to parse, nothing changed.
                    yield new Refresh.NotModified(uri, at, f.validators(), f.httpStatus(), next);
                }
                try {
                    ParsedFeed feed = parser.parse(f.body(), f.finalUri(), f.charset(), parseLimits);
                    feed.warnings().forEach(w -> log.info("{}: {}", uri, w));
                    Optional<String> warning = feed.warnings().stream()
                            .filter(w -> w.startsWith(ParseLimits.TOO_MANY_ENTRIES))
                            .findFirst()
                            .map(w -> w + " (max_entries_per_feed)");
                    var normalized =
                            feed.entries().stream().map(normalizer::normalize).toList();
                    var kept = filter(subscription, normalized, at, stored);
                    // An entry future_dates held back (or re-dated) is decided again by the next
                    // refresh, once its date may have passed: so that one parses the feed again,
                    // rather than getting a 304 or finding the same bytes.
                    boolean undecided = config.subscriptionOptions(subscription).futureDates()
                                    != SubscriptionOptions.FutureDates.KEEP
                            && normalized.stream().anyMatch(e -> after(e.published(), at) || after(e.updated(), at));
                    yield new Refresh.Fetched(
                            uri,
                            at,
                            undecided ? Validators.NONE : f.validators(),
                            f.httpStatus(),
                            new FeedInfo(feed.title(), feed.link().flatMap(SafeUrls::of)),
                            kept.entries(),
                            undecided ? Optional.empty() : Optional.of(hash),
                            next,
                            kept.hiddenKeys(),
                            warning);
                } catch (FeedParseException e) {
                    yield failed(uri, at, state, unreadable(f.finalUri(), e), f.httpStatus(), Optional.empty());
                }
            }
        };
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

    private Refresh.Failed failed(
            URI uri,
            Instant at,
            FeedState state,
            String reason,
            OptionalInt httpStatus,
            Optional<Duration> retryAfter) {
        boolean gone = httpStatus.equals(OptionalInt.of(410));
        return new Refresh.Failed(uri, at, reason, httpStatus, gone, next.afterFailure(state, at, gone, retryAfter));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * How every subscription's refreshes have gone, worst first, and what went wrong with the
     * reading lists on the last refresh (this one's, else the one recorded in the cache directory).
     */
    public HealthReport health() {
        ReadingLists known = lists();
        List<URI> uris =
                known.subscriptions().stream().map(Subscription::feedUri).toList();
        List<String> problems = listsFetched
                ? known.problems()
                : ReadingListProblems.read(config).orElse(known.problems());
        return HealthReport.of(config, known.subscriptions(), store.health(uris), problems, clock.instant());
    }

    /**
     * Writes the site into {@code output_dir}: older pages and monthly archives first, then the
     * front page and the feeds, so that no published link points at a page not yet written.
     * Then the files an earlier publishing wrote that this one did not (pages and archives no
     * longer needed) are removed; no other file in {@code output_dir} is touched.
     *
     * @return how many files were written (unchanged files are not rewritten)
     */
    public int publish() throws PublishException {
        HealthReport health = health();
        Theme theme = theme();
        int written = publish(health, theme);
        remember(fingerprint(health, theme));
        return written;
    }

    /**
     * {@link #publish()}, unless nothing the site shows has changed since the last publishing:
     * no entry or feed in the store ({@link Store#changeCount()}), no subscription, health
     * message, config file, theme file or Orrery version, and the front page is still there.
     * Then only {@code health.json} is written. Pages say when they were last updated, which is
     * then when their content last changed.
     *
     * @return how many files were written, or empty when the site was left as it was
     */
    public OptionalInt publishIfChanged() throws PublishException {
        return upkeep(false).written();
    }

    /** What {@link #expungeAndPublishIfChanged()} did. */
    public record Upkeep(List<Expunged> expunged, OptionalInt written) {}

    /**
     * What {@code run} does after refreshing: {@link #expunge()}, then {@link
     * #publishIfChanged()}; both are skipped when nothing the site shows has changed since it
     * was last published (only {@code health.json} is written). Expunging then could only find
     * entries that have aged past {@code cache_keep_days}, which can wait for the next change;
     * on a planet whose feeds all answered 304 it was a tenth of the run (a second at 10,000
     * feeds). {@code orrery expunge} expunges whenever it is asked.
     */
    public Upkeep expungeAndPublishIfChanged() throws PublishException {
        return upkeep(true);
    }

    private Upkeep upkeep(boolean expunging) throws PublishException {
        HealthReport health = health();
        Theme theme = theme();
        String fingerprint = fingerprint(health, theme);
        if (Files.isRegularFile(config.outputDir().resolve("index.html"))
                && remembered().filter(fingerprint::equals).isPresent()) {
            new SiteWriter().publish(Map.of("health.json", health.json()), config.outputDir());
            return new Upkeep(List.of(), OptionalInt.empty());
        }
        List<Expunged> expunged = expunging ? expunge() : List.of();
        if (!expunged.isEmpty()) {
            health = health();
            fingerprint = fingerprint(health, theme);
        }
        int written = publish(health, theme);
        remember(fingerprint);
        return new Upkeep(expunged, OptionalInt.of(written));
    }

    private Theme theme() {
        Theme theme = ThemeFiles.load(config, Path.of("").toAbsolutePath());
        theme.warnings().forEach(w -> log.warn("theme: {}", w));
        return theme;
    }

    /** Everything a published site is made of but the time: see {@link #publishIfChanged()}. */
    private String fingerprint(HealthReport health, Theme theme) {
        var text = new StringBuilder("Orrery ").append(Version.get()).append('\n');
        text.append("store ").append(store.changeCount()).append('\n');
        text.append("output ").append(config.outputDir().toAbsolutePath()).append('\n');
        for (Path file : config.sources()) {
            text.append("config ").append(fileStamp(file)).append('\n');
        }
        for (Path file : theme.files()) {
            text.append("theme ").append(fileStamp(file)).append('\n');
        }
        for (Subscription subscription : subscriptions()) {
            text.append("subscription ").append(subscription.feedUri()).append('\n');
        }
        new TreeMap<>(health.messages()).forEach((uri, message) -> text.append("message ")
                .append(uri)
                .append(' ')
                .append(message)
                .append('\n'));
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String fileStamp(Path file) {
        try {
            return file.toAbsolutePath() + " " + Files.size(file) + " "
                    + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return file.toAbsolutePath() + " unreadable";
        }
    }

    /** Where the fingerprint of the last published site is kept, beside the database. */
    private Path fingerprintFile() {
        return config.cacheDirectory().resolve("published.sha256");
    }

    private Optional<String> remembered() {
        try {
            return Optional.of(Files.readString(fingerprintFile()).strip());
        } catch (IOException e) {
            return Optional.empty(); // never published, or unreadable: publish
        }
    }

    private void remember(String fingerprint) {
        try {
            Files.writeString(fingerprintFile(), fingerprint + "\n");
        } catch (IOException e) {
            // Only costs a full publish next time.
            log.warn("cannot write {}: {}", fingerprintFile(), e.getMessage());
        }
    }

    private int publish(HealthReport health, Theme theme) throws PublishException {
        // A refused feed's entries (read by a version that did not refuse it) are not shown.
        List<Subscription> subscriptions = lists().accepted();
        var renderer = new SiteRenderer(site(config), theme);
        var writer = new SiteWriter();
        Instant now = clock.instant();
        RiverOrder order = riverOrder(config);
        List<Instant> dates = store.riverDates(subscriptions, order);
        SitePages plan = SitePages.plan(
                dates,
                config.zone(),
                config.itemsPerPage(),
                config.options().daysPerPage(),
                config.options().maxPages());
        Map<URI, String> messages = health.messages();
        River newest = withMessages(store.river(subscriptions, config.itemsPerPage(), order), messages);
        var messaged = new HashMap<URI, Channel>();
        Function<Post, Post> withMessage = post -> new Post(
                post.entry(),
                messaged.computeIfAbsent(post.channel().feedUri(), uri -> post.channel()
                        .withMessage(Optional.ofNullable(messages.get(uri)))),
                post.date());
        var written = new AtomicInteger();
        Set<String> produced = java.util.concurrent.ConcurrentHashMap.newKeySet();
        // Older pages, then monthly archives: each a slice of the river, which is read once
        // for each (pages with bodies, archives with headlines), whatever its length. They list
        // no subscriptions (the front page and the archive index do): on a planet of thousands
        // of feeds the list would be most of every page.
        SliceAction render = (slice, posts) -> {
            produced.add(slice.path());
            written.addAndGet(writer.publish(
                    Map.of(slice.path(), renderer.renderPage(new River(posts, List.of()), slice.navigation(), now)),
                    config.outputDir()));
        };
        List<SitePages.Page> older = plan.pages().subList(1, plan.pages().size());
        publishSlices(
                subscriptions,
                order,
                true,
                older.stream()
                        .map(p -> new Slice(p.from(), p.to(), p.path(), plan.navigation(p)))
                        .toList(),
                withMessage,
                render);
        publishSlices(
                subscriptions,
                order,
                false,
                plan.archivePages().stream()
                        .map(a -> new Slice(a.from(), a.to(), a.path(), plan.navigation(a)))
                        .toList(),
                withMessage,
                render);
        River channelsOnly = new River(List.of(), newest.channels());
        var archive = plan.archiveIndex();
        produced.add(archive.path());
        written.addAndGet(writer.publish(
                Map.of(archive.path(), renderer.renderPage(channelsOnly, archive, now)), config.outputDir()));
        SitePages.Page first = plan.pages().getFirst();
        River front = first.to() == newest.posts().size()
                ? newest
                : withMessages(
                        store.river(subscriptions, RiverRange.of(dates, first.from(), first.to()), order), messages);
        var files = new LinkedHashMap<>(renderer.render(newest, front, plan.navigation(first), now));
        files.put("health.json", health.json());
        produced.addAll(files.keySet());
        int total = written.get() + writer.publish(files, config.outputDir());
        new PublishedFiles(config.cacheDirectory().resolve("published-files.txt"), config.outputDir())
                .replace(produced);
        return total;
    }

    /** Posts {@code from} (inclusive) to {@code to} (exclusive) of the river, as one page at {@code path}. */
    private record Slice(int from, int to, String path, Navigation navigation) {}

    /** What to do with the posts of a slice; may fail to publish. */
    private interface SliceAction {
        void publish(Slice slice, List<Post> posts) throws PublishException;
    }

    /**
     * Reads the river once, newest first, and hands each of {@code slices} (in river order, not
     * overlapping) its posts as soon as they are read. The slices are rendered on as many
     * threads as there are cores while the river is still being read (at 10,000 feeds this
     * halved publishing); at most two slices per thread wait, so memory stays bounded. The
     * first slice that fails stops the rest and is what this throws.
     */
    private void publishSlices(
            List<Subscription> subscriptions,
            RiverOrder order,
            boolean bodies,
            List<Slice> slices,
            Function<Post, Post> map,
            SliceAction action)
            throws PublishException {
        if (slices.isEmpty()) {
            return;
        }
        int threads = Runtime.getRuntime().availableProcessors();
        var waiting = new Semaphore(2 * threads);
        // A PublishException, or a RuntimeException (a bug) to pass on as it is.
        var failure = new AtomicReference<Exception>();
        var current = new ArrayList<Post>();
        int[] index = {0};
        int[] next = {0};
        try (ExecutorService rendering = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("orrery-publish-", 0).daemon().factory())) {
            Consumer<Slice> hand = slice -> {
                List<Post> posts = List.copyOf(current);
                current.clear();
                waiting.acquireUninterruptibly();
                if (failure.get() != null) {
                    waiting.release();
                    throw new SliceFailed();
                }
                rendering.execute(() -> {
                    try {
                        action.publish(slice, posts);
                    } catch (PublishException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        waiting.release();
                    }
                });
            };
            try {
                store.eachPost(subscriptions, order, bodies, slices.getLast().to(), post -> {
                    int i = index[0]++;
                    while (next[0] < slices.size() && i >= slices.get(next[0]).to()) {
                        hand.accept(slices.get(next[0]++));
                    }
                    if (next[0] < slices.size() && i >= slices.get(next[0]).from()) {
                        current.add(map.apply(post));
                    }
                });
                while (next[0] < slices.size()) {
                    hand.accept(slices.get(next[0]++)); // the last, and any the river no longer fills
                }
            } catch (SliceFailed e) {
                // The first failure, thrown below once the slices already handed out are done.
            }
        }
        switch (failure.get()) {
            case null -> {}
            case PublishException e -> throw e;
            case RuntimeException e -> throw e;
            default -> throw new IllegalStateException(failure.get());
        }
    }

    /** Stops the walk over the river once a slice has failed. */
    private static final class SliceFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SliceFailed() {
            super(null, null, false, false);
        }
    }

    /** Orrery's {@code river_order}; the config loader has checked its value. */
    static RiverOrder riverOrder(PlanetConfig config) {
        return RiverOrder.of(config.options().riverOrder()).orElseThrow();
    }

    /** Venus's per-subscription {@code message}, from the health report, on every channel. */
    private static River withMessages(River river, Map<URI, String> messages) {
        Map<URI, Channel> channels = new HashMap<>();
        for (Channel channel : river.channels()) {
            channels.put(channel.feedUri(), channel.withMessage(Optional.ofNullable(messages.get(channel.feedUri()))));
        }
        return new River(
                river.posts().stream()
                        .map(p -> new Post(p.entry(), channels.get(p.channel().feedUri()), p.date()))
                        .toList(),
                river.channels().stream().map(c -> channels.get(c.feedUri())).toList());
    }

    /** The settings the site is rendered with. */
    public static Site site(PlanetConfig config) {
        return new Site(
                config.name(),
                config.link(),
                config.ownerName(),
                config.ownerEmail(),
                "Orrery " + Version.get(),
                new Strftime(config.dateFormat(), config.options().locale()),
                new Strftime(config.newDateFormat(), config.options().locale()),
                config.zone(),
                config.options().encoding(),
                config.options().generatorUri(),
                config.options().feed(),
                config.planetOptions());
    }
}
