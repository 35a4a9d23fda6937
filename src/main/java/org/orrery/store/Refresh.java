package org.orrery.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;
import org.orrery.schedule.Schedule;

/** The outcome of refreshing one subscription, as the store records it. */
public sealed interface Refresh {
    /** The subscription's configured feed URL. */
    URI feedUri();

    /** When the refresh happened. */
    Instant at();

    /** When the subscription is due next and where it lives now, replacing what was stored. */
    Schedule schedule();

    /**
     * A document was fetched and parsed: these are its entries, already normalised.
     *
     * @param contentHash the body's {@link org.orrery.model.Checksum}, to recognise the same bytes next time
     * @param warning what a maintainer should know though the refresh succeeded (entries past
     *     {@code max_entries_per_feed}); kept while the feed is not modified
     * @param droppedKeys keys of the feed's entries its filters now drop: stored ones are removed,
     *     as Venus removed their cache files (a filter set or changed after they were stored)
     */
    record Fetched(
            URI feedUri,
            Instant at,
            Validators validators,
            OptionalInt httpStatus,
            FeedInfo feed,
            List<Entry> entries,
            Optional<String> contentHash,
            Schedule schedule,
            Set<String> hiddenKeys,
            Optional<String> warning,
            Set<String> droppedKeys)
            implements Refresh {
        public Fetched {
            Objects.requireNonNull(warning, "warning");
            hiddenKeys = Set.copyOf(hiddenKeys);
            droppedKeys = Set.copyOf(droppedKeys);
            Objects.requireNonNull(feedUri, "feedUri");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(validators, "validators");
            Objects.requireNonNull(feed, "feed");
            entries = List.copyOf(entries);
            Objects.requireNonNull(contentHash, "contentHash");
            Objects.requireNonNull(schedule, "schedule");
        }

        /** A fetch with nothing more to say: no hash, no schedule, every entry shown, no warning. */
        public Fetched(
                URI feedUri,
                Instant at,
                Validators validators,
                OptionalInt httpStatus,
                FeedInfo feed,
                List<Entry> entries) {
            this(
                    feedUri,
                    at,
                    validators,
                    httpStatus,
                    feed,
                    entries,
                    Optional.empty(),
                    Schedule.NONE,
                    Set.of(),
                    Optional.empty(),
                    Set.of());
        }
    }

    /**
     * Nothing changed: the server answered 304 (the validators may have been refreshed), or
     * sent the same bytes as last time.
     *
     * @param httpStatus 304, or 200 for the same bytes
     */
    record NotModified(URI feedUri, Instant at, Validators validators, OptionalInt httpStatus, Schedule schedule)
            implements Refresh {
        public NotModified {
            Objects.requireNonNull(feedUri, "feedUri");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(validators, "validators");
            Objects.requireNonNull(httpStatus, "httpStatus");
            Objects.requireNonNull(schedule, "schedule");
        }

        public NotModified(URI feedUri, Instant at, Validators validators) {
            this(feedUri, at, validators, OptionalInt.of(304), Schedule.NONE);
        }
    }

    /**
     * Fetching or parsing failed; what was stored before stays.
     *
     * @param gone the server said 410 Gone: the subscription is not fetched again
     */
    record Failed(URI feedUri, Instant at, String reason, OptionalInt httpStatus, boolean gone, Schedule schedule)
            implements Refresh {
        public Failed {
            Objects.requireNonNull(feedUri, "feedUri");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(httpStatus, "httpStatus");
            Objects.requireNonNull(schedule, "schedule");
        }

        public Failed(URI feedUri, Instant at, String reason, OptionalInt httpStatus) {
            this(feedUri, at, reason, httpStatus, false, Schedule.NONE);
        }
    }
}
