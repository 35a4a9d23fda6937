package org.orrery.schedule;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.orrery.fetch.Redirect;

/**
 * What a subscription's {@link Schedule} becomes after a refresh: when it is due next, and where
 * it moved. After a success: when the freshness lifetime the server gave has passed, honoured up
 * to a day; without one, after the poll interval, which is zero for cron runs (the next run
 * fetches it, as Venus does) and {@code poll_interval} for {@code orrery serve}. After a failure: a geometric backoff from 15
 * minutes, doubling per consecutive failure, capped at a day, so a broken feed is retried daily
 * and never dropped; a Retry-After longer than that wins, up to a week; a feed gone (410) is
 * never due again. Waits get up to 10 % of random jitter added, never subtracted, so feeds that
 * failed together drift apart and no server is asked sooner than it said.
 */
public final class NextSchedule {
    public static final Duration MAX_FRESHNESS = Duration.ofDays(1);
    public static final Duration FIRST_BACKOFF = Duration.ofMinutes(15);
    public static final Duration MAX_BACKOFF = Duration.ofDays(1);
    public static final Duration MAX_RETRY_AFTER = Duration.ofDays(7);
    /** How many fetches in a row must redirect permanently to one URL before it is trusted. */
    public static final int MOVE_AFTER = 2;

    private final RandomGenerator random;
    private final Duration pollInterval;

    /** For cron runs: a feed that states no lifetime is due again at once. */
    public NextSchedule(RandomGenerator random) {
        this(random, Duration.ZERO);
    }

    /** @param pollInterval the wait after a success without a stated lifetime; zero for none */
    public NextSchedule(RandomGenerator random, Duration pollInterval) {
        if (pollInterval.isNegative()) {
            throw new IllegalArgumentException("negative poll interval: " + pollInterval);
        }
        this.random = random;
        this.pollInterval = pollInterval;
    }

    /**
     * After a 200 or 304 reached through {@code redirects}: a permanent move seen on {@value
     * #MOVE_AFTER} fetches in a row becomes the URL fetched from then on; one seen fewer times
     * is remembered; any other answer forgets it.
     */
    public Schedule afterSuccess(Schedule before, Instant at, List<Redirect> redirects, Optional<Duration> maxAge) {
        Optional<Instant> next = Optional.of(afterSuccess(at, maxAge));
        Optional<URI> moved = Redirect.movedTo(redirects);
        if (moved.isEmpty()) {
            return new Schedule(next, before.redirectedTo(), Optional.empty(), 0);
        }
        int seen = moved.equals(before.redirectCandidate()) ? before.redirectCount() + 1 : 1;
        return seen >= MOVE_AFTER
                ? new Schedule(next, moved, Optional.empty(), 0)
                : new Schedule(next, before.redirectedTo(), moved, seen);
    }

    /**
     * After a failure: backed off, or never again once gone; where it moved is kept.
     *
     * @param errorsBefore the failures in a row before this one
     */
    public Schedule afterFailure(
            Schedule before, int errorsBefore, Instant at, boolean gone, Optional<Duration> retryAfter) {
        Optional<Instant> next = gone ? Optional.empty() : Optional.of(afterFailure(at, errorsBefore + 1, retryAfter));
        return new Schedule(next, before.redirectedTo(), before.redirectCandidate(), before.redirectCount());
    }

    /**
     * Due time after a 200 or 304 answered at {@code at}, given its freshness lifetime (Cache-Control
     * max-age, else Expires less Date); a lifetime of zero (an Expires already past) counts as none.
     */
    Instant afterSuccess(Instant at, Optional<Duration> maxAge) {
        Duration lifetime = maxAge.filter(Duration::isPositive)
                .map(age -> min(age, MAX_FRESHNESS))
                .orElse(pollInterval);
        return lifetime.isZero() ? at : at.plus(jitter(lifetime));
    }

    /** Due time after the {@code failures}-th failure in a row at {@code at} (1 for the first). */
    Instant afterFailure(Instant at, int failures, Optional<Duration> retryAfter) {
        Duration wait = jitter(backoff(failures));
        Duration asked = min(retryAfter.orElse(Duration.ZERO), MAX_RETRY_AFTER);
        return at.plus(asked.compareTo(wait) > 0 ? asked : wait);
    }

    /** 15 min, 30 min, 1 h, 2 h, ... up to a day. */
    static Duration backoff(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 20);
        return min(FIRST_BACKOFF.multipliedBy(1L << doublings), MAX_BACKOFF);
    }

    private Duration jitter(Duration d) {
        return d.plusMillis((long) (d.toMillis() * 0.1 * random.nextDouble()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
