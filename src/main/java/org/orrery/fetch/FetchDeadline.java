package org.orrery.fetch;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpGet;

/**
 * The time one fetch may take, redirects included, counted only while it holds a connection
 * slot: waiting for its turn at a busy host is not the feed's fault. Once it is spent, the
 * request running is cancelled, however slowly its bytes keep coming (socket timeouts only
 * bound the gap between two reads). Used by one thread at a time.
 */
final class FetchDeadline {
    private final ScheduledExecutorService timer;
    private final AtomicBoolean overdue = new AtomicBoolean();
    private long remainingNanos;
    private long startedNanos;
    private ScheduledFuture<?> cancel;

    /** A timer for the deadlines of one fetcher's fetches: one daemon thread, cancelled tasks dropped. */
    static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "orrery-fetch-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    FetchDeadline(ScheduledExecutorService timer, Duration budget) {
        this.timer = timer;
        this.remainingNanos = budget.toNanos();
    }

    /** Starts counting for {@code request}, just after it got its slot; false when nothing is left. */
    boolean start(HttpGet request) {
        if (remainingNanos <= 0) {
            overdue.set(true);
            return false;
        }
        startedNanos = System.nanoTime();
        cancel = timer.schedule(
                () -> {
                    overdue.set(true);
                    request.cancel();
                },
                remainingNanos,
                NANOSECONDS);
        return true;
    }

    /** Stops counting, as {@code request}'s slot is given back. */
    void stop() {
        if (cancel != null) {
            cancel.cancel(false);
            cancel = null;
            remainingNanos -= System.nanoTime() - startedNanos;
        }
    }

    /** Whether the time ran out (a request was cancelled for it, or none could start). */
    boolean overdue() {
        return overdue.get();
    }
}
