package org.orrery;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.orrery.refresh.PlanetLists;
import org.orrery.refresh.ReadingLists;
import org.orrery.refresh.RefreshListener;
import org.orrery.refresh.RefreshSummary;
import org.orrery.refresh.Refresher;
import org.orrery.render.PublishException;
import org.orrery.render.Theme;
import org.orrery.store.Expunged;
import org.orrery.store.FeedState;
import org.orrery.store.Store;

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
    private final PlanetConfig config;
    private final Store store;
    private final InstantSource clock;
    private final Refresher refresher;
    private final Publisher publisher;
    private final PlanetLists lists;

    public Planet(PlanetConfig config, Fetcher fetcher, Store store, InstantSource clock) {
        this(config, fetcher, store, clock, new Random());
    }

    /** @param random draws the jitter added to waits; shared by all refresh threads, so thread-safe */
    public Planet(PlanetConfig config, Fetcher fetcher, Store store, InstantSource clock, RandomGenerator random) {
        this(config, fetcher, store, clock, random, Duration.ZERO);
    }

    /**
     * @param pollInterval how long a feed that states no freshness lifetime waits after a
     *     success: zero for cron runs (due at the next run), {@code poll_interval} when serving
     */
    public Planet(
            PlanetConfig config,
            Fetcher fetcher,
            Store store,
            InstantSource clock,
            RandomGenerator random,
            Duration pollInterval) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.refresher = new Refresher(
                config, store, clock, new FeedPipeline(config, fetcher, store, clock, random, pollInterval));
        this.publisher = new Publisher(config, store, clock, Publisher.site(config));
        this.lists = new PlanetLists(config, store, fetcher);
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
        return refresher.refresh(lists.fetch(clock.instant()), all, listener);
    }

    /**
     * Fetches the reading lists, and gives the subscriptions they and the config name, each with
     * its stored fetch state (a renamed section taking over its old row, {@link
     * ReadingLists#carryOverRenamed}): where a scheduler starts from.
     */
    public Subscriptions readSubscriptions() {
        ReadingLists fetched = lists.fetch(clock.instant());
        return new Subscriptions(fetched, fetched.carryOverRenamed(store));
    }

    /** A planet's subscriptions and reading lists, with the fetch state stored for each (absent: never fetched). */
    public record Subscriptions(ReadingLists lists, Map<URI, FeedState> states) {}

    /** Refreshes one subscription of {@code lists} now ({@link Refresher#refreshOne}). */
    public RefreshSummary refreshOne(ReadingLists lists, Subscription subscription, Optional<FeedState> stored) {
        return refresher.refreshOne(lists, subscription, stored.orElse(FeedState.NEW), stored.isPresent());
    }

    /** Takes a body the subscription's WebSub hub pushed, as a fetched one ({@link Refresher#refreshPushed}). */
    public RefreshSummary refreshPushed(
            ReadingLists lists, Subscription subscription, Optional<FeedState> stored, Refresher.Pushed pushed) {
        return refresher.refreshPushed(lists, subscription, stored.orElse(FeedState.NEW), stored.isPresent(), pushed);
    }

    /** The config's subscriptions, then those its reading lists name (as last fetched or stored). */
    public List<Subscription> subscriptions() {
        return lists.current().subscriptions();
    }

    /** Removes old entries as Venus's {@code expunge.py} does ({@link ReadingLists#expiry}); says which feeds lost some. */
    public List<Expunged> expunge() {
        ReadingLists current = lists.current();
        current.carryOverRenamed(store);
        return store.expunge(current.expiry(config, clock.instant()));
    }

    /** How every subscription's refreshes have gone, worst first, and what went wrong with the reading lists. */
    public HealthReport health() {
        List<Subscription> known = lists.current().subscriptions();
        List<URI> uris = known.stream().map(Subscription::feedUri).toList();
        return HealthReport.of(config, known, store.health(uris), lists.problems(), clock.instant());
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
        Theme theme = ThemeFiles.forPublishing(config);
        if (ifChanged && fingerprint(health, theme).published()) {
            publisher.publishHealth(health.site());
            return new Upkeep(List.of(), OptionalInt.empty());
        }
        List<Expunged> expunged = expunging ? expunge() : List.of();
        if (!expunged.isEmpty()) {
            health = health();
        }
        // Taken before the river is read: a refresh saved meanwhile (orrery serve) is then
        // published again next time rather than remembered as published.
        SiteFingerprint published = fingerprint(health, theme);
        // A refused feed's entries (read by a version that did not refuse it) are not shown.
        int written = publisher.publish(lists.current().accepted(), health.site(), theme);
        published.remember();
        return new Upkeep(expunged, OptionalInt.of(written));
    }

    private SiteFingerprint fingerprint(HealthReport health, Theme theme) {
        return SiteFingerprint.of(config, store.changeCount(), theme, subscriptions(), health.messages());
    }
}
