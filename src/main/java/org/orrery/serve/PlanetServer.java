package org.orrery.serve;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.orrery.Planet;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.Fetcher;
import org.orrery.refresh.RefreshSummary;
import org.orrery.render.PublishException;
import org.orrery.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A planet kept fresh and served by one process: the site published at start when it is out of
 * date, then each feed refreshed when due ({@link FeedScheduler}), the site published again
 * (only the pages that changed) once a burst of changes settles ({@link PublishDebouncer}), and
 * served ({@link SiteServer}). The config is read again when a file of it changes or {@link
 * #reload} is called (SIGHUP): feeds added are scheduled, feeds removed dropped. The caller holds
 * the planet's lock and owns the store and fetcher, which it closes after {@link #close}.
 */
public final class PlanetServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PlanetServer.class);

    /**
     * How a server runs.
     *
     * @param bind the address listened on
     * @param port the port, 0 for any free one
     * @param pollInterval overrides the config's {@code poll_interval} when present (tests: the
     *     option's minimum is 10 s)
     * @param quiet publishing waits for this long without a change
     * @param maxWait ... but no longer than this after the first change not yet published
     * @param shutdown how long fetches and a publishing under way get to finish when stopping
     * @param configCheck how often the config files' modification times are looked at
     */
    public record Settings(
            String bind,
            int port,
            Optional<Duration> pollInterval,
            Duration quiet,
            Duration maxWait,
            Duration shutdown,
            Duration configCheck) {
        public Settings {
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(pollInterval, "pollInterval");
        }

        public static Settings of(String bind, int port) {
            return new Settings(
                    bind,
                    port,
                    Optional.empty(),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(5));
        }

        public Settings withPollInterval(Duration interval) {
            return new Settings(bind, port, Optional.of(interval), quiet, maxWait, shutdown, configCheck);
        }

        public Settings withConfigCheck(Duration every) {
            return new Settings(bind, port, pollInterval, quiet, maxWait, shutdown, every);
        }

        public Settings withShutdown(Duration bound) {
            return new Settings(bind, port, pollInterval, quiet, maxWait, bound, configCheck);
        }
    }

    private final Store store;
    private final Fetcher fetcher;
    private final Supplier<Optional<PlanetConfig>> reread;
    private final Settings settings;
    private final InstantSource clock = InstantSource.system();
    private final Random random = new Random();
    private final FeedScheduler scheduler;
    private final PublishDebouncer publisher;
    private final ServeMetrics metrics;
    private final ScheduledThreadPoolExecutor upkeep;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile PlanetConfig config;
    private volatile Planet planet;
    private volatile boolean ready;
    private volatile long changeCount;
    private volatile List<FileTime> configStamps;
    private SiteServer site;
    /** Present when {@code websub_callback} is set. */
    private final Optional<WebSubscriber> websub;

    private boolean closed;

    private PlanetServer(
            PlanetConfig config,
            Store store,
            Fetcher fetcher,
            Supplier<Optional<PlanetConfig>> reread,
            Settings settings,
            WebSubscriber.Settings websubSettings) {
        this.config = config;
        this.store = store;
        this.reread = reread;
        this.settings = settings;
        this.scheduler =
                new FeedScheduler(store, clock, random, config.options().maxConnections(), this::refreshed);
        this.metrics = new ServeMetrics(scheduler::waiting, scheduler::active, scheduler::size);
        this.websub = WebSubscriber.forPlanet(config, websubSettings, clock, scheduler);
        this.fetcher = websub.map(w -> w.discovering(fetcher)).orElse(fetcher);
        this.planet = planet(config);
        this.publisher = new PublishDebouncer(this::publish, settings.quiet(), settings.maxWait());
        this.upkeep = new ScheduledThreadPoolExecutor(1, r -> {
            var t = new Thread(r, "serve-upkeep");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts serving: the web server first ({@code /healthz} answering 503), then the site
     * published if it is out of date (then {@code /healthz} answers 200), then fetching.
     *
     * @param reread reads the config again (for reloads); empty when it cannot be used, having
     *     said why
     * @throws IOException when the address cannot be listened on
     * @throws PublishException when the site cannot be published
     */
    public static PlanetServer start(
            PlanetConfig config,
            Store store,
            Fetcher fetcher,
            Supplier<Optional<PlanetConfig>> reread,
            Settings settings)
            throws IOException, PublishException {
        return start(config, store, fetcher, reread, settings, WebSubscriber.Settings.defaults(config.feedTimeout()));
    }

    /** {@link #start}, keeping WebSub subscriptions as {@code websub} says (tests: short leases). */
    static PlanetServer start(
            PlanetConfig config,
            Store store,
            Fetcher fetcher,
            Supplier<Optional<PlanetConfig>> reread,
            Settings settings,
            WebSubscriber.Settings websub)
            throws IOException, PublishException {
        var server = new PlanetServer(config, store, fetcher, reread, settings, websub);
        try {
            server.startServing();
        } catch (IOException | PublishException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void startServing() throws IOException, PublishException {
        site = SiteServer.start(
                config.outputDir(),
                config.options().encoding(),
                settings.bind(),
                settings.port(),
                () -> ready,
                metrics::scrape,
                websub.map(WebSubCallback::new).orElse(null));
        changeCount = store.changeCount();
        OptionalInt written = planet.publishIfChanged();
        written.ifPresent(n -> log.info("serve: published {} ({} files changed)", config.outputDir(), n));
        ready = true;
        configStamps = stamps(config);
        scheduler.update(planet, planet.readSubscriptions(), pollInterval(config));
        long check = settings.configCheck().toMillis();
        upkeep.scheduleWithFixedDelay(this::reloadIfChanged, check, check, TimeUnit.MILLISECONDS);
        // health.json says when feeds were last fetched; reading lists name feeds of their own.
        long interval = pollInterval(config).toMillis();
        upkeep.scheduleWithFixedDelay(this::readSubscriptionsAgain, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** The port the site is served on. */
    public int port() {
        return site.port();
    }

    /** Whether the store is open and the site was published at start: what {@code /healthz} says. */
    public boolean ready() {
        return ready;
    }

    /** How many subscriptions are scheduled. */
    public int subscriptions() {
        return scheduler.size();
    }

    /** Blocks until {@link #close} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /**
     * Reads the config again: feeds added are scheduled, feeds removed dropped, and the site
     * published again. A config that cannot be used, or that moves {@code output_dir} or {@code
     * cache_directory} (which needs a restart), is reported and the running one kept.
     */
    public synchronized void reload() {
        if (closed) {
            return;
        }
        configStamps = stamps(config);
        Optional<PlanetConfig> read;
        try {
            read = reread.get();
        } catch (RuntimeException e) {
            log.error("serve: reading the config again failed; the running one is kept: {}", e.toString());
            return;
        }
        if (read.isEmpty()) {
            log.error("serve: the config cannot be used; the running one is kept");
            return;
        }
        PlanetConfig next = read.get();
        if (!next.outputDir().toAbsolutePath().equals(config.outputDir().toAbsolutePath())
                || !next.databaseFile()
                        .toAbsolutePath()
                        .equals(config.databaseFile().toAbsolutePath())) {
            log.error("serve: output_dir or cache_directory changed; restart orrery serve to move them"
                    + " (the running config is kept)");
            return;
        }
        config = next;
        planet = planet(next);
        configStamps = stamps(next);
        scheduler.update(planet, planet.readSubscriptions(), pollInterval(next));
        websub.ifPresent(w -> w.retain(scheduler.topics()));
        log.info("serve: config read again: {} subscriptions", scheduler.size());
        publisher.changed();
    }

    private void reloadIfChanged() {
        try {
            if (!stamps(config).equals(configStamps)) {
                reload();
            }
        } catch (RuntimeException e) {
            log.error("serve: reloading the config failed: {}", e.toString(), e);
        }
    }

    private void readSubscriptionsAgain() {
        try {
            synchronized (this) {
                if (closed) {
                    return;
                }
                Planet current = planet;
                scheduler.update(current, current.readSubscriptions(), pollInterval(config));
                websub.ifPresent(w -> w.retain(scheduler.topics()));
            }
            publisher.touch();
        } catch (RuntimeException e) {
            log.error("serve: reading the reading lists failed: {}", e.toString(), e);
        }
    }

    private void refreshed(URI feed, RefreshSummary summary, Duration took) {
        // A failure may be a 410: the store says whether the feed is now gone.
        metrics.refreshed(
                summary, took, summary.failed() > 0 && store.state(feed).gone());
        noteChanges();
    }

    private void noteChanges() {
        long now = store.changeCount();
        if (now != changeCount) {
            log.debug("serve: change count {} -> {}", changeCount, now);
            changeCount = now;
            publisher.changed();
        }
    }

    private void publish() {
        long started = System.nanoTime();
        try {
            OptionalInt written = planet.publishIfChanged();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            metrics.published(written.isPresent(), took);
            if (written.isPresent()) {
                log.info("serve: published ({} files changed) in {} ms", written.getAsInt(), took.toMillis());
            }
        } catch (PublishException e) {
            metrics.published(null, Duration.ofNanos(System.nanoTime() - started));
            log.error("serve: publishing failed: {}", e.getMessage());
        }
    }

    private Planet planet(PlanetConfig config) {
        return new Planet(config, fetcher, store, clock, random, pollInterval(config));
    }

    private Duration pollInterval(PlanetConfig config) {
        return settings.pollInterval().orElse(config.options().pollInterval());
    }

    /** The modification times of the config's files (a missing file has none). */
    private static List<FileTime> stamps(PlanetConfig config) {
        return config.sources().stream().map(PlanetServer::modified).toList();
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * Stops: no fetch starts; fetches under way finish or are abandoned within the settings'
     * bound; a publishing under way finishes (each file is replaced whole by a rename, so the
     * site is never half-written), one only pending is skipped; then the web server stops.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            upkeep.shutdownNow();
            websub.ifPresent(WebSubscriber::close);
            scheduler.close(settings.shutdown());
            publisher.close(settings.shutdown());
            if (site != null) {
                site.close();
            }
            metrics.close();
        } finally {
            stopped.countDown();
        }
    }
}
