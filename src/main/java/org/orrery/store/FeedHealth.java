package org.orrery.store;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.orrery.schedule.Schedule;

/**
 * How a subscription's refreshes have gone, as stored.
 *
 * @param feedUri the configured feed URL
 * @param title the feed's own title, when it gave one
 * @param lastAttempt the last refresh, whatever its outcome
 * @param lastSuccess the last refresh that got a 200 or 304
 * @param httpStatus the last HTTP status received
 * @param errorCount consecutive failed refreshes
 * @param lastError the last failure in words, while failing
 * @param gone whether the server said 410 Gone
 * @param schedule when it is due and where it moved
 * @param newestEntry the date of its newest stored entry
 * @param warning what the last fetch that succeeded left to know, while not failing
 */
public record FeedHealth(
        URI feedUri,
        Optional<String> title,
        Optional<Instant> lastAttempt,
        Optional<Instant> lastSuccess,
        OptionalInt httpStatus,
        int errorCount,
        Optional<String> lastError,
        boolean gone,
        Schedule schedule,
        Optional<Instant> newestEntry,
        Optional<String> warning) {
    public FeedHealth {
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(feedUri, "feedUri");
        Objects.requireNonNull(schedule, "schedule");
    }

    /** A configured subscription with nothing stored yet. */
    public static FeedHealth never(URI feedUri) {
        return new FeedHealth(
                feedUri,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                0,
                Optional.empty(),
                false,
                Schedule.NONE,
                Optional.empty(),
                Optional.empty());
    }
}
