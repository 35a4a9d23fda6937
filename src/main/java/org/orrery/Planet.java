package org.orrery;

import java.net.URI;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.Fetcher;
import org.orrery.model.Subscription;
import org.orrery.publish.Publisher;
import org.orrery.publish.SiteFingerprint;
import org.orrery.publish.ThemeFiles;
import org.orrery.refresh.FeedPipeline;
import org.orrery.refresh.ReadingListProblems;
import org.orrery.refresh.ReadingLists;
import org.orrery.refresh.RefreshListener;
import org.orrery.refresh.RefreshSummary;
import org.orrery.refresh.Refresher;
import org.orrery.render.PublishException;
import org.orrery.render.Site;
import org.orrery.render.Strftime;
import org.orrery.render.Theme;
import org.orrery.store.Expunged;
import org.orrery.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One planet: refreshes its subscriptions into the store and publishes the site from it.
 *
 * <pre>
 * refresh: ReadingLists.fetch ─► Refresher: per due subscription, concurrently,
 *          FeedPipeline (fetch ─► digest ─► parse ─► normalise ─► filter) ─► Store.save
 * publish: Publisher: SitePages plans the pages from Store.riverDates; RiverSlicer reads the
 *          river once and renders its pages in parallel; SiteWriter writes each file atomically
 * upkeep:  expunge and publish, unless the SiteFingerprint says nothing shown has changed
 * </pre>
 */
public final class Planet {
    private static final Logger log = LoggerFactory.getLogger(Planet.class);

    private final PlanetConfig config;
    private final Fetcher fetcher;
    private final Store store;
    private final InstantSource clock;
    private final Refresher refresher;
    private final Publisher publisher;
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
        this.refresher = new Refresher(config, store, clock, new FeedPipeline(config, fetcher, store, clock, random));
        this.publisher = new Publisher(config, store, clock, site(config));
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

    /** Refreshes the subscriptions that are due; see {@link #refresh(boolean, RefreshListener)}. */
    public RefreshSummary refresh() {
        return refresh(false, RefreshListener.NONE);
    }

    public RefreshSummary refresh(boolean all) {
        return refresh(all, RefreshListener.NONE);
    }

    /**
     * Fetches the reading lists, then the subscriptions that are due ({@link Refresher}), telling
     * {@code listener} of each as it is done.
     *
     * @throws org.orrery.store.StoreException when the database cannot be written (disk full,
     *     read-only): a fault of the planet, not of a feed; what was saved is kept
     */
    public RefreshSummary refresh(boolean all, RefreshListener listener) {
        ReadingLists current = ReadingLists.fetch(config, fetcher, store, clock.instant());
        lists = current;
        listsFetched = true;
        ReadingListProblems.write(config, current.problems());
        return refresher.refresh(current, all, listener);
    }

    /** The config's subscriptions, then those its reading lists name (as last fetched or stored). */
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
     * Removes old entries, as Venus's {@code expunge.py} does ({@link ReadingLists#expiry}).
     *
     * @return the subscriptions that lost entries, in URL order
     */
    public List<Expunged> expunge() {
        ReadingLists current = lists();
        current.carryOverRenamed(store);
        return store.expunge(current.expiry(config, clock.instant()));
    }

    /** How every subscription's refreshes have gone, worst first, and what went wrong with the reading lists. */
    public HealthReport health() {
        ReadingLists known = lists();
        List<URI> uris =
                known.subscriptions().stream().map(Subscription::feedUri).toList();
        List<String> problems = listsFetched
                ? known.problems()
                : ReadingListProblems.read(config).orElse(known.problems());
        return HealthReport.of(config, known.subscriptions(), store.health(uris), problems, clock.instant());
    }

    /** Writes the whole site ({@link Publisher#publish}); returns how many files were written. */
    public int publish() throws PublishException {
        return upkeep(false, false).written().orElseThrow();
    }

    /**
     * {@link #publish()}, unless nothing the site shows has changed since the last publishing
     * ({@link SiteFingerprint}); then only {@code health.json} is written.
     *
     * @return how many files were written, or empty when the site was left as it was
     */
    public OptionalInt publishIfChanged() throws PublishException {
        return upkeep(true, false).written();
    }

    /** What {@link #expungeAndPublishIfChanged()} did. */
    public record Upkeep(List<Expunged> expunged, OptionalInt written) {}

    /**
     * What {@code run} does after refreshing: {@link #expunge()}, then {@link #publishIfChanged()};
     * both skipped when nothing the site shows has changed. Expunging then could only find entries
     * aged past {@code cache_keep_days}, which can wait for the next change; on a planet whose
     * feeds all answered 304 it was a tenth of the run. {@code orrery expunge} always expunges.
     */
    public Upkeep expungeAndPublishIfChanged() throws PublishException {
        return upkeep(true, true);
    }

    private Upkeep upkeep(boolean ifChanged, boolean expunging) throws PublishException {
        HealthReport health = health();
        Theme theme = ThemeFiles.load(config, Path.of("").toAbsolutePath());
        theme.warnings().forEach(w -> log.warn("theme: {}", w));
        if (ifChanged && fingerprint(health, theme).published()) {
            publisher.publishHealth(new Publisher.Health(health.messages(), health.json()));
            return new Upkeep(List.of(), OptionalInt.empty());
        }
        List<Expunged> expunged = expunging ? expunge() : List.of();
        if (!expunged.isEmpty()) {
            health = health();
        }
        // A refused feed's entries (read by a version that did not refuse it) are not shown.
        int written =
                publisher.publish(lists().accepted(), new Publisher.Health(health.messages(), health.json()), theme);
        fingerprint(health, theme).remember();
        return new Upkeep(expunged, OptionalInt.of(written));
    }

    private SiteFingerprint fingerprint(HealthReport health, Theme theme) {
        return SiteFingerprint.of(
                config, Version.get(), store.changeCount(), theme, subscriptions(), health.messages());
    }
}
