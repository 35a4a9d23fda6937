package org.orrery.store;

import java.net.URI;
import java.util.Objects;

/**
 * The entries expunging removed from one subscription.
 *
 * @param removed how many entries were removed
 * @param kept how many entries of it remain
 * @param subscribed false when the subscription is no longer in the config and was removed with
 *     its entries
 */
public record Expunged(URI feedUri, int removed, int kept, boolean subscribed) {
    public Expunged {
        Objects.requireNonNull(feedUri, "feedUri");
    }
}
