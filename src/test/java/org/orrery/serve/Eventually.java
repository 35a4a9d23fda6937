package org.orrery.serve;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits, polling, for a condition that becomes true in the background; fails when it never does within a bound. */
final class Eventually {
    private Eventually() {}

    /** Polls {@code check} every 50 ms until it holds; throws, saying {@code what}, after {@code bound}. */
    static void holds(String what, Duration bound, Callable<Boolean> check) throws Exception {
        long end = System.nanoTime() + bound.toNanos();
        while (true) {
            if (check.call()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + bound.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
