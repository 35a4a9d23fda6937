package org.orrery.store;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;

/**
 * What another planet knew of a subscription's feed when it was last fetched (Planet Venus's
 * {@code sources/} copy), for a subscription this store has not refreshed yet.
 *
 * @param gone the server had answered 410 Gone: the subscription is not fetched again
 * @param httpStatus the status of that planet's last fetch
 * @param error why that planet's last fetch failed, in its words ({@code 404: not found}); the
 *     subscription then counts as failing once
 */
public record ImportedFeed(
        URI feedUri,
        FeedInfo feed,
        Validators validators,
        boolean gone,
        OptionalInt httpStatus,
        Optional<String> error) {
    public ImportedFeed {
        Objects.requireNonNull(feedUri, "feedUri");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(error, "error");
    }

    /** A feed whose last fetch did not fail, or whose failure is not known. */
    public ImportedFeed(URI feedUri, FeedInfo feed, Validators validators, boolean gone) {
        this(feedUri, feed, validators, gone, OptionalInt.empty(), Optional.empty());
    }
}
