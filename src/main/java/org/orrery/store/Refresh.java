package org.orrery.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;

/** The outcome of refreshing one subscription, as the store records it. */
public sealed interface Refresh {
    /** The subscription's configured feed URL. */
    URI feedUri();

    /** When the refresh happened. */
    Instant at();

    /** A document was fetched and parsed: these are its entries, already normalised. */
    record Fetched(
            URI feedUri, Instant at, Validators validators, OptionalInt httpStatus, FeedInfo feed, List<Entry> entries)
            implements Refresh {
        public Fetched {
            Objects.requireNonNull(feedUri, "feedUri");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(validators, "validators");
            Objects.requireNonNull(feed, "feed");
            entries = List.copyOf(entries);
        }
    }

    /** The server answered 304; the validators may have been refreshed. */
    record NotModified(URI feedUri, Instant at, Validators validators) implements Refresh {}

    /** Fetching or parsing failed; what was stored before stays. */
    record Failed(URI feedUri, Instant at, String reason, OptionalInt httpStatus) implements Refresh {}
}
