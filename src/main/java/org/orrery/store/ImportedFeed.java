package org.orrery.store;

import java.net.URI;
import java.util.Objects;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;

/**
 * What another planet knew of a subscription's feed when it was last fetched (Planet Venus's
 * {@code sources/} copy), for a subscription this store has not refreshed yet.
 *
 * @param gone the server had answered 410 Gone: the subscription is not fetched again
 */
public record ImportedFeed(URI feedUri, FeedInfo feed, Validators validators, boolean gone) {
    public ImportedFeed {
        Objects.requireNonNull(feedUri, "feedUri");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(validators, "validators");
    }
}
