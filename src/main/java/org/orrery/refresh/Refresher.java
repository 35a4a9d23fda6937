package org.orrery.refresh;

import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.orrery.config.PlanetConfig;
import org.orrery.model.Subscription;
import org.orrery.refresh.RefreshListener.Outcome;
import org.orrery.store.FeedState;
import org.orrery.store.Refresh;
import org.orrery.store.SaveResult;
import org.orrery.store.Store;
import org.orrery.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes a planet's due subscriptions concurrently: one virtual thread per subscription, as
 * many in flight as the fetcher opens connections ({@code max_connections}), each running the
 * {@link FeedPipeline} and saving what it gives. One failing feed never stops the rest; a fault
 * of the store (disk full, a read-only database) stops the run.
 */
public final class Refresher {
    private static final Logger log = LoggerFactory.getLogger(Refresher.class);

    private final PlanetConfig config;
    private final Store store;
    private final InstantSource clock;
    private final FeedPipeline pipeline;

    public Refresher(PlanetConfig config, Store store, InstantSource clock, FeedPipeline pipeline) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.pipeline = pipeline;
    }

    /** What became of one subscription: its outcome, what was saved, and the lines it adds to the summary. */
    private record Done(Outcome outcome, SaveResult saved, Optional<String> failure, Optional<String> moved) {
        static Done skipped(Outcome outcome) {
            return new Done(outcome, SaveResult.NOTHING, Optional.empty(), Optional.empty());
        }
    }

    /**
     * Refreshes the subscriptions of {@code lists} that are due: not gone (410) and, unless
     * {@code all}, not waiting out a backoff, a Retry-After or a freshness lifetime.
     *
     * @throws StoreException when the database cannot be written: no further feed is refreshed,
     *     and what was saved is kept
     */
    public RefreshSummary refresh(ReadingLists lists, boolean all, RefreshListener listener) {
        listener.starting(lists.subscriptions().size());
        var slots = new Semaphore(config.options().maxConnections());
        Map<URI, FeedState> states = lists.carryOverRenamed(store);
        // The first storage fault: the planet's, not a feed's; every task still to start skips.
        var fault = new AtomicReference<StoreException>();
        var running = new ArrayList<Future<Done>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Subscription subscription : lists.subscriptions()) {
                running.add(executor.submit(() -> {
                    slots.acquireUninterruptibly();
                    Done done = Done.skipped(Outcome.FAILED);
                    try {
                        done = refresh(subscription, states, all, lists, fault, Optional.empty());
                        return done;
                    } finally {
                        slots.release();
                        listener.finished(subscription.feedUri(), done.outcome());
                    }
                }));
            }
        }
        if (fault.get() != null) {
            throw fault.get();
        }
        return summary(running.stream().map(Refresher::result).toList(), lists);
    }

    /**
     * Refreshes one subscription of {@code lists} now, due or not (a scheduler decided it is),
     * from its stored state {@code state} ({@link FeedState#NEW} and {@code stored} false for one
     * never refreshed). A gone subscription is not fetched.
     *
     * @throws StoreException when the database cannot be written
     */
    public RefreshSummary refreshOne(ReadingLists lists, Subscription subscription, FeedState state, boolean stored) {
        var fault = new AtomicReference<StoreException>();
        Map<URI, FeedState> states = stored ? Map.of(subscription.feedUri(), state) : Map.of();
        Done done = refresh(subscription, states, true, lists, fault, Optional.empty());
        if (fault.get() != null) {
            throw fault.get();
        }
        return summary(List.of(done), lists);
    }

    /** A feed's body pushed by its WebSub hub: {@code body} and the charset it was declared in. */
    public record Pushed(byte[] body, Optional<String> charset) {}

    /**
     * Takes a body the subscription's WebSub hub pushed as {@link #refreshOne} takes a fetched
     * one: the same parsing, filters and saving ({@link FeedPipeline#pushed}).
     *
     * @throws StoreException when the database cannot be written
     */
    public RefreshSummary refreshPushed(
            ReadingLists lists, Subscription subscription, FeedState state, boolean stored, Pushed pushed) {
        var fault = new AtomicReference<StoreException>();
        Map<URI, FeedState> states = stored ? Map.of(subscription.feedUri(), state) : Map.of();
        Done done = refresh(subscription, states, true, lists, fault, Optional.of(pushed));
        if (fault.get() != null) {
            throw fault.get();
        }
        return summary(List.of(done), lists);
    }

    private Done refresh(
            Subscription subscription,
            Map<URI, FeedState> states,
            boolean all,
            ReadingLists lists,
            AtomicReference<StoreException> fault,
            Optional<Pushed> pushed) {
        URI uri = subscription.feedUri();
        FeedState state = states.getOrDefault(uri, FeedState.NEW);
        if (fault.get() != null) {
            return Done.skipped(Outcome.FAILED); // nothing more could be saved: the run stops
        }
        if (state.gone()) {
            return Done.skipped(Outcome.GONE);
        }
        Instant now = clock.instant();
        if (!all && state.schedule().nextFetchAt().filter(now::isBefore).isPresent()) {
            return Done.skipped(Outcome.WAITING);
        }
        try {
            boolean stored = states.containsKey(uri);
            Refresh refresh = pushed.isPresent()
                    ? pipeline.pushed(
                            subscription,
                            state,
                            stored,
                            lists,
                            pushed.get().body(),
                            pushed.get().charset())
                    : pipeline.refresh(subscription, state, stored, lists);
            if (Thread.currentThread().isInterrupted()) {
                // Abandoned (orrery serve stopping): the feed was not at fault, so nothing is saved.
                return Done.skipped(Outcome.FAILED);
            }
            SaveResult saved = store.save(refresh);
            Optional<String> failure = refresh instanceof Refresh.Failed f
                    ? Optional.of(uri + ": " + f.reason()
                            + (f.gone() ? " (no longer fetched; remove it from the config)" : ""))
                    : Optional.empty();
            Optional<String> moved = refresh.schedule().redirectedTo().map(to -> movedLine(uri, to));
            return new Done(Outcome.of(refresh), saved, failure, moved);
        } catch (RuntimeException | Error e) {
            if (e instanceof StoreException s && s.storageFault()) {
                fault.compareAndSet(null, s);
                return Done.skipped(Outcome.FAILED);
            }
            // A bug, a store failure or an exhausted heap or stack for one feed: the others
            // still run, and the feed's health says what happened.
            log.error("refreshing {} failed unexpectedly", uri, e);
            String reason = internalError(e);
            recordFailure(uri, state, reason);
            return new Done(Outcome.FAILED, SaveResult.NOTHING, Optional.of(uri + ": " + reason), Optional.empty());
        }
    }

    private static Done result(Future<Done> done) {
        try {
            return done.get(); // every task has ended: the executor was closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted after the refresh ended", e);
        } catch (ExecutionException e) {
            // Only listener.finished can throw past the task's own catch: a bug in the caller's listener.
            throw new IllegalStateException("a refresh listener failed", e.getCause());
        }
    }

    private static RefreshSummary summary(List<Done> done, ReadingLists lists) {
        SaveResult total = done.stream().map(Done::saved).reduce(SaveResult.NOTHING, SaveResult::plus);
        List<String> failures =
                done.stream().flatMap(d -> d.failure().stream()).sorted().toList();
        List<String> moved =
                done.stream().flatMap(d -> d.moved().stream()).sorted().toList();
        return new RefreshSummary(
                count(done, Outcome.FETCHED),
                count(done, Outcome.NOT_MODIFIED),
                failures.size(),
                total.added(),
                total.updated(),
                failures,
                count(done, Outcome.WAITING),
                count(done, Outcome.GONE),
                moved,
                lists.problems());
    }

    private static int count(List<Done> done, Outcome outcome) {
        return (int) done.stream().filter(d -> d.outcome() == outcome).count();
    }

    /** Records an unexpected failure as the feed's failed refresh, unless the store is what failed. */
    private void recordFailure(URI uri, FeedState state, String reason) {
        try {
            store.save(pipeline.failed(uri, state, reason));
        } catch (RuntimeException e) {
            log.error("recording the failure of {} failed too", uri, e);
        }
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

    static String movedLine(URI configured, URI to) {
        return configured + " → " + to + ": update the section name in config.ini";
    }
}
