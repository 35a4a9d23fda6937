package org.orrery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.orrery.fetch.Redirect;
import org.orrery.fetch.RefreshSchedule;
import org.orrery.store.FeedState;
import org.orrery.store.Schedule;

/** What a subscription's schedule becomes after a fetch: when it is due next, and where it moved. */
public final class NextSchedule {
    /** How many fetches in a row must redirect permanently to one URL before it is trusted. */
    public static final int MOVE_AFTER = 2;

    private final RefreshSchedule times;

    public NextSchedule(RandomGenerator random) {
        this.times = new RefreshSchedule(random);
    }

    /**
     * After a 200 or 304 reached through {@code redirects}: a permanent move seen on {@value
     * #MOVE_AFTER} fetches in a row becomes the URL fetched from then on; one seen fewer times
     * is remembered; any other answer forgets it.
     */
    public Schedule afterSuccess(FeedState state, Instant at, List<Redirect> redirects, Optional<Duration> maxAge) {
        Optional<Instant> next = Optional.of(times.afterSuccess(at, maxAge));
        Schedule before = state.schedule();
        Optional<URI> moved = Redirect.movedTo(redirects);
        if (moved.isEmpty()) {
            return new Schedule(next, before.redirectedTo(), Optional.empty(), 0);
        }
        int seen = moved.equals(before.redirectCandidate()) ? before.redirectCount() + 1 : 1;
        return seen >= MOVE_AFTER
                ? new Schedule(next, moved, Optional.empty(), 0)
                : new Schedule(next, before.redirectedTo(), moved, seen);
    }

    /** After a failure: backed off, or never again once gone; where it moved is kept. */
    public Schedule afterFailure(FeedState state, Instant at, boolean gone, Optional<Duration> retryAfter) {
        Schedule before = state.schedule();
        Optional<Instant> next =
                gone ? Optional.empty() : Optional.of(times.afterFailure(at, state.errorCount() + 1, retryAfter));
        return new Schedule(next, before.redirectedTo(), before.redirectCandidate(), before.redirectCount());
    }
}
