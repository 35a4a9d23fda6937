package org.orrery.serve;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a burst of changes into one publishing: it runs {@code quiet} after the last change, or
 * {@code maxWait} after the first unpublished one under a steady stream of changes, whichever
 * comes first. One publishing at a time, on a thread of its own; a change heard while one runs
 * makes another after it.
 */
final class PublishDebouncer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PublishDebouncer.class);

    private final Runnable publish;
    private final long quietNanos;
    private final long maxWaitNanos;
    private final ScheduledThreadPoolExecutor thread;
    private ScheduledFuture<?> pending;
    /** When the oldest change not yet published was heard (System.nanoTime), if one is pending. */
    private long firstChange;

    private boolean closed;

    PublishDebouncer(Runnable publish, Duration quiet, Duration maxWait) {
        this.publish = publish;
        this.quietNanos = quiet.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            var t = new Thread(r, "publish");
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Something the site shows has changed: publish soon. */
    synchronized void changed() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        if (pending == null) {
            firstChange = now;
        } else {
            pending.cancel(false);
        }
        long delay = Math.max(0, Math.min(quietNanos, firstChange + maxWaitNanos - now));
        pending = thread.schedule(this::run, delay, TimeUnit.NANOSECONDS);
    }

    /** Publish soon unless a publishing is already waiting (which it does not delay): for upkeep such as health.json. */
    synchronized void touch() {
        if (!closed && pending == null) {
            changed();
        }
    }

    private void run() {
        synchronized (this) {
            pending = null;
        }
        try {
            publish.run();
        } catch (RuntimeException e) {
            log.error("serve: publishing failed: {}", e.toString(), e);
        }
    }

    /** Stops: a publishing under way finishes (within {@code bound}); one only pending is skipped. */
    void close(Duration bound) {
        synchronized (this) {
            closed = true;
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn(
                        "serve: the publishing under way did not finish within {} s; each file it wrote is whole",
                        bound.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
