package org.orrery.schedule;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a subscription's fetching stands between two refreshes.
 *
 * @param nextFetchAt not fetched before this (backoff, Retry-After, freshness); empty: due now
 * @param redirectedTo the URL fetched instead of the configured one, after it moved for good
 * @param redirectCandidate a permanent redirect target not yet trusted
 * @param redirectCount how many fetches in a row redirected permanently to the candidate
 */
public record Schedule(
        Optional<Instant> nextFetchAt, Optional<URI> redirectedTo, Optional<URI> redirectCandidate, int redirectCount) {
    public static final Schedule NONE = new Schedule(Optional.empty(), Optional.empty(), Optional.empty(), 0);

    public Schedule {
        Objects.requireNonNull(nextFetchAt, "nextFetchAt");
        Objects.requireNonNull(redirectedTo, "redirectedTo");
        Objects.requireNonNull(redirectCandidate, "redirectCandidate");
        if (redirectCount < 0) {
            throw new IllegalArgumentException("redirectCount < 0: " + redirectCount);
        }
    }
}
