package org.orrery.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a subscription is next due. After a success: at once (the next run fetches it, as
 * Venus does) unless the server gave a freshness lifetime, honoured up to a day. After a
 * failure: a geometric backoff from 15 minutes, doubling per consecutive failure, capped at a
 * day, so a broken feed is retried daily and never dropped; a Retry-After longer than that
 * wins, up to a week. Waits get up to 10 % of random jitter added, never subtracted, so feeds
 * that failed together drift apart and no server is asked sooner than it said.
 */
public final class RefreshSchedule {
    public static final Duration MAX_FRESHNESS = Duration.ofDays(1);
    public static final Duration FIRST_BACKOFF = Duration.ofMinutes(15);
    public static final Duration MAX_BACKOFF = Duration.ofDays(1);
    public static final Duration MAX_RETRY_AFTER = Duration.ofDays(7);

    private final RandomGenerator random;

    public RefreshSchedule(RandomGenerator random) {
        this.random = random;
    }

    /** Due time after a 200 or 304 answered at {@code at}, given its Cache-Control max-age. */
    public Instant afterSuccess(Instant at, Optional<Duration> maxAge) {
        return maxAge.filter(age -> age.isPositive())
                .map(age -> at.plus(jitter(min(age, MAX_FRESHNESS))))
                .orElse(at);
    }

    /** Due time after the {@code failures}-th failure in a row at {@code at} (1 for the first). */
    public Instant afterFailure(Instant at, int failures, Optional<Duration> retryAfter) {
        Duration wait = jitter(backoff(failures));
        Duration asked = min(retryAfter.orElse(Duration.ZERO), MAX_RETRY_AFTER);
        return at.plus(asked.compareTo(wait) > 0 ? asked : wait);
    }

    /** 15 min, 30 min, 1 h, 2 h, ... up to a day. */
    public static Duration backoff(int failures) {
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
