package org.orrery;

import java.net.URI;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.FetchResult;
import org.orrery.fetch.Fetcher;
import org.orrery.model.FeedInfo;
import org.orrery.model.Subscription;
import org.orrery.normalize.EntryNormalizer;
import org.orrery.parse.FeedParseException;
import org.orrery.parse.FeedParser;
import org.orrery.parse.ParsedFeed;
import org.orrery.render.PublishException;
import org.orrery.render.Site;
import org.orrery.render.SiteRenderer;
import org.orrery.render.SiteWriter;
import org.orrery.render.Strftime;
import org.orrery.sanitize.HtmlSanitizer;
import org.orrery.store.Refresh;
import org.orrery.store.SaveResult;
import org.orrery.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One planet: refreshes its subscriptions into the store and publishes the site from it.
 *
 * <pre>
 * refresh: for each subscription, concurrently (virtual threads, bounded):
 *     Fetcher ─► FeedParser ─► EntryNormalizer ─► Store.save (one transaction)
 * publish: Store.river ─► SiteRenderer ─► SiteWriter (atomic per file)
 * </pre>
 */
public final class Planet {
    private static final Logger log = LoggerFactory.getLogger(Planet.class);
    /** How many subscriptions are refreshed at once; the fetcher also caps connections per host. */
    static final int MAX_IN_FLIGHT = 64;

    private final PlanetConfig config;
    private final Fetcher fetcher;
    private final Store store;
    private final InstantSource clock;
    private final FeedParser parser = new FeedParser();
    private final EntryNormalizer normalizer;

    public Planet(PlanetConfig config, Fetcher fetcher, Store store, InstantSource clock) {
        this.config = config;
        this.fetcher = fetcher;
        this.store = store;
        this.clock = clock;
        this.normalizer = new EntryNormalizer(
                HtmlSanitizer.forIframeHosts(config.planetOptions().get("iframe_hosts")));
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

    /** Fetches every subscription and saves what changed. One failing feed never stops the rest. */
    public RefreshSummary refresh() {
        var ok = new AtomicInteger();
        var notModified = new AtomicInteger();
        var saved = new ConcurrentLinkedQueue<SaveResult>();
        var failures = new ConcurrentLinkedQueue<String>();
        var slots = new Semaphore(MAX_IN_FLIGHT);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Subscription subscription : config.subscriptions()) {
                executor.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        Refresh refresh = refresh(subscription);
                        saved.add(store.save(refresh));
                        switch (refresh) {
                            case Refresh.Fetched f -> ok.incrementAndGet();
                            case Refresh.NotModified n -> notModified.incrementAndGet();
                            case Refresh.Failed f -> failures.add(f.feedUri() + ": " + f.reason());
                        }
                    } catch (RuntimeException e) {
                        // A bug or a store failure for one feed; the others still run.
                        log.error("refreshing {} failed unexpectedly", subscription.feedUri(), e);
                        failures.add(subscription.feedUri() + ": internal error: " + e.getMessage());
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        var total = saved.stream().reduce(SaveResult.NOTHING, SaveResult::plus);
        List<String> failed = new ArrayList<>(failures);
        failed.sort(null);
        return new RefreshSummary(ok.get(), notModified.get(), failed.size(), total.added(), total.updated(), failed);
    }

    private Refresh refresh(Subscription subscription) {
        URI uri = subscription.feedUri();
        var result = fetcher.fetch(uri, store.validators(uri));
        var at = clock.instant();
        return switch (result) {
            case FetchResult.NotModified n -> new Refresh.NotModified(uri, at, n.validators());
            case FetchResult.Failed f -> new Refresh.Failed(uri, at, f.reason(), f.httpStatus());
            case FetchResult.Fetched f -> {
                try {
                    ParsedFeed feed = parser.parse(f.body(), f.finalUri(), f.charset());
                    feed.warnings().forEach(w -> log.info("{}: {}", uri, w));
                    var entries =
                            feed.entries().stream().map(normalizer::normalize).toList();
                    yield new Refresh.Fetched(
                            uri, at, f.validators(), f.httpStatus(), new FeedInfo(feed.title(), feed.link()), entries);
                } catch (FeedParseException e) {
                    yield new Refresh.Failed(uri, at, e.getMessage(), f.httpStatus());
                }
            }
        };
    }

    /**
     * Renders the newest {@code items_per_page} entries and writes the site into {@code
     * output_dir}.
     *
     * @return how many files were written (unchanged files are not rewritten)
     */
    public int publish() throws PublishException {
        var river = store.river(config.subscriptions(), config.itemsPerPage());
        var files = new SiteRenderer(site(config)).render(river, clock.instant());
        return new SiteWriter().publish(files, config.outputDir());
    }

    static Site site(PlanetConfig config) {
        return new Site(
                config.name(),
                config.link(),
                config.ownerName(),
                config.ownerEmail(),
                "Orrery " + Version.get(),
                new Strftime(config.dateFormat()),
                new Strftime(config.newDateFormat()),
                config.zone(),
                config.planetOptions());
    }
}
