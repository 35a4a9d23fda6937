package org.orrery.serve;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.orrery.Planet;
import org.orrery.model.Subscription;
import org.orrery.refresh.ReadingLists;
import org.orrery.refresh.RefreshSummary;
import org.orrery.store.FeedState;
import org.orrery.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches each subscription at its own time, as the store's schedule says (a freshness
 * lifetime, a backoff, a Retry-After, else {@code poll_interval}: see {@code
 * schedule.NextSchedule}), each on a virtual thread, at most {@code max_connections} at once (and
 * as many per host as the fetcher allows). Feeds due when it starts (never fetched, or overdue)
 * are spread over a short window rather than fetched all at once; a gone feed is not fetched
 * again. One feed is never fetched twice at once: its next fetch is planned when one ends.
 */
final class FeedScheduler {
    private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);
    /** The first round is spread over this much per feed due, up to the poll interval and {@link #MAX_SPREAD}. */
    static final Duration SPREAD_PER_FEED = Duration.ofMillis(20);

    static final Duration MAX_SPREAD = Duration.ofMinutes(5);

    /** What the scheduler tells of each refresh done. */
    interface Listener {
        void refreshed(URI feed, RefreshSummary summary, Duration took);
    }

    private final Store store;
    private final InstantSource clock;
    private final RandomGenerator random;
    private final Listener listener;
    private final Semaphore slots;
    private final int maxConnections;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    /** One subscription scheduled: what is fetched, whether the store has it, its next fetch. */
    private static final class Feed {
        Subscription subscription;
        boolean stored;
        ScheduledFuture<?> next;
        /** Held while the feed is refreshed or a push of it taken: one at a time. */
        final java.util.concurrent.locks.ReentrantLock busy = new java.util.concurrent.locks.ReentrantLock();
    }

    private final Map<URI, Feed> feeds = new HashMap<>();
    private volatile Planet planet;
    private volatile ReadingLists lists;
    private volatile Duration pollInterval;
    /** Feeds a WebSub hub pushes: polled only every {@link #PUSHED_POLL_INTERVAL}. */
    private volatile java.util.function.Predicate<URI> pushed = uri -> false;

    private boolean closed;

    /** How often a feed is polled while a WebSub lease on it is active (unless poll_interval is longer). */
    static final Duration PUSHED_POLL_INTERVAL = Duration.ofDays(1);

    FeedScheduler(Store store, InstantSource clock, RandomGenerator random, int maxConnections, Listener listener) {
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.listener = listener;
        this.slots = new Semaphore(maxConnections, true);
        this.maxConnections = maxConnections;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            var t = new Thread(r, "scheduler");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Schedules the subscriptions of {@code subscriptions}, refreshed through {@code planet} from
     * now on: new ones at their stored due time (spread when due now), those no longer there
     * dropped (a fetch under way finishes), the others kept at their time with their new options.
     */
    synchronized void update(Planet planet, Planet.Subscriptions subscriptions, Duration pollInterval) {
        if (closed) {
            return;
        }
        this.planet = planet;
        this.lists = subscriptions.lists();
        this.pollInterval = pollInterval;
        Map<URI, Subscription> wanted = new LinkedHashMap<>();
        subscriptions.lists().subscriptions().forEach(s -> wanted.putIfAbsent(s.feedUri(), s));
        feeds.entrySet().removeIf(e -> {
            if (wanted.containsKey(e.getKey())) {
                return false;
            }
            if (e.getValue().next != null) {
                e.getValue().next.cancel(false);
            }
            log.info("serve: {} is no longer subscribed", e.getKey());
            return true;
        });
        Instant now = clock.instant();
        List<URI> added =
                wanted.keySet().stream().filter(uri -> !feeds.containsKey(uri)).toList();
        long dueNow = added.stream()
                .filter(uri -> due(subscriptions.states().get(uri), now).isEmpty())
                .count();
        Duration spread = min(min(SPREAD_PER_FEED.multipliedBy(dueNow), pollInterval), MAX_SPREAD);
        for (var entry : wanted.entrySet()) {
            Feed feed = feeds.get(entry.getKey());
            if (feed != null) {
                feed.subscription = entry.getValue();
                continue;
            }
            feed = new Feed();
            feed.subscription = entry.getValue();
            FeedState state = subscriptions.states().get(entry.getKey());
            feed.stored = state != null;
            feeds.put(entry.getKey(), feed);
            if (state != null && state.gone()) {
                continue; // 410: never fetched again, as in cron runs
            }
            Instant at =
                    due(state, now).orElseGet(() -> now.plusMillis((long) (spread.toMillis() * random.nextDouble())));
            schedule(entry.getKey(), feed, at);
        }
    }

    /** Says which feeds have an active WebSub lease, polled at most every {@link #PUSHED_POLL_INTERVAL}. */
    void pushedBy(java.util.function.Predicate<URI> active) {
        this.pushed = active;
    }

    /**
     * Takes a body {@code uri}'s hub pushed, as a fetch of it (never at the same time as one).
     *
     * @return what it did, or empty when {@code uri} is not scheduled (no longer subscribed)
     */
    Optional<RefreshSummary> pushed(URI uri, org.orrery.refresh.Refresher.Pushed body) {
        Feed feed;
        synchronized (this) {
            feed = closed ? null : feeds.get(uri);
        }
        if (feed == null) {
            return Optional.empty();
        }
        feed.busy.lock();
        try {
            Subscription subscription;
            boolean stored;
            synchronized (this) {
                subscription = feed.subscription;
                stored = feed.stored;
            }
            Optional<FeedState> state = stored ? Optional.of(store.state(uri)) : Optional.empty();
            long started = System.nanoTime();
            RefreshSummary summary = planet.refreshPushed(lists, subscription, state, body);
            java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - started);
            synchronized (this) {
                feed.stored = true;
            }
            listener.refreshed(uri, summary, took);
            return Optional.of(summary);
        } finally {
            feed.busy.unlock();
        }
    }

    /** Polls {@code uri} within {@code poll_interval} if it was planned later (its WebSub lease lapsed). */
    synchronized void pollSoon(URI uri) {
        Feed feed = closed ? null : feeds.get(uri);
        if (feed == null || feed.next == null || feed.next.getDelay(TimeUnit.MILLISECONDS) <= pollInterval.toMillis()) {
            return;
        }
        feed.next.cancel(false);
        schedule(uri, feed, clock.instant().plusMillis((long) (pollInterval.toMillis() * random.nextDouble())));
    }

    /** Whether feeds are scheduled: started ({@link #update} called) and not closed. */
    synchronized boolean running() {
        return planet != null && !closed;
    }

    /** The feeds scheduled (gone ones included). */
    synchronized java.util.Set<URI> topics() {
        return java.util.Set.copyOf(feeds.keySet());
    }

    /** How many subscriptions are scheduled (gone ones included). */
    synchronized int size() {
        return feeds.size();
    }

    /** Feeds due and waiting for a connection slot. */
    int waiting() {
        return slots.getQueueLength();
    }

    /** Fetches under way. */
    int active() {
        return Math.max(0, maxConnections - slots.availablePermits());
    }

    /** When a stored feed is due, if later than {@code now}. */
    private static Optional<Instant> due(FeedState state, Instant now) {
        return state == null ? Optional.empty() : state.schedule().nextFetchAt().filter(now::isBefore);
    }

    private void schedule(URI uri, Feed feed, Instant at) {
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        feed.next = timer.schedule(() -> dispatch(uri, feed), delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void dispatch(URI uri, Feed feed) {
        if (closed || feeds.get(uri) != feed) {
            return;
        }
        feed.next = null;
        workers.execute(() -> refresh(uri, feed));
    }

    private void refresh(URI uri, Feed feed) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            return; // shutting down before it started: nothing fetched, nothing to save
        }
        Instant next;
        feed.busy.lock();
        try {
            Subscription subscription;
            boolean stored;
            synchronized (this) {
                subscription = feed.subscription;
                stored = feed.stored;
            }
            long started = System.nanoTime();
            Optional<FeedState> state = stored ? Optional.of(store.state(uri)) : Optional.empty();
            RefreshSummary summary = planet.refreshOne(lists, subscription, state);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            summary.failures().forEach(f -> log.info("serve: failed: {}", f));
            summary.moved().forEach(m -> log.warn("serve: moved: {}", m));
            synchronized (this) {
                feed.stored = true;
            }
            listener.refreshed(uri, summary, took);
            FeedState after = store.state(uri);
            if (after.gone()) {
                log.warn("serve: {} is gone (410): no longer fetched; remove it from the config", uri);
                return;
            }
            next = after.schedule().nextFetchAt().orElseGet(() -> clock.instant()
                    .plus(pollInterval));
            if (pushed.test(uri)) {
                Instant held = clock.instant().plus(PUSHED_POLL_INTERVAL);
                next = next.isAfter(held) ? next : held;
            }
        } catch (RuntimeException e) {
            // The store failing (disk full) or a bug: this feed tries again later, the others go on.
            log.error("serve: refreshing {} failed: {}", uri, e.toString(), e);
            next = clock.instant().plus(pollInterval);
        } finally {
            feed.busy.unlock();
            slots.release();
        }
        synchronized (this) {
            if (!closed && feeds.get(uri) == feed) {
                schedule(uri, feed, next);
            }
        }
    }

    /**
     * Stops fetching: nothing new starts; fetches under way get {@code bound} to finish (and save),
     * then are interrupted, which abandons them (a fetch abandoned saves nothing).
     *
     * @return whether every fetch ended
     */
    boolean close(Duration bound) {
        synchronized (this) {
            closed = true;
            feeds.values().forEach(f -> {
                if (f.next != null) {
                    f.next.cancel(false);
                }
            });
        }
        timer.shutdownNow();
        workers.shutdown();
        try {
            if (workers.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            log.warn("serve: abandoning the fetches still under way after {} s", bound.toSeconds());
            workers.shutdownNow();
            return workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
