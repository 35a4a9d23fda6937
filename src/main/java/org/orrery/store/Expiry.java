package org.orrery.store;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.orrery.model.RiverOrder;

/**
 * What expunging keeps (Venus's {@code expunge.py}, with Orrery's age limit).
 *
 * <p>Of each subscription in {@code keep}, its newest {@link Rule#newest} entries by river date
 * are kept, as Venus keeps them, and also every entry that is dated at or after {@link
 * Rule#since} or that is in the feed's latest document (removed, it would come back as new at the
 * next fetch). Every entry of a stored subscription not in {@code keep} is removed, with the
 * subscription, unless {@code keepUnsubscribed}.
 *
 * @param keep the rule of each subscribed feed, by feed URL
 * @param keepUnsubscribed whether to leave subscriptions not in {@code keep} alone (when the
 *     subscription list is not known in full)
 * @param order the river's order, which "newest" and "dated" follow (with {@link
 *     RiverOrder#FIRST_SEEN}: most recently first seen, first seen at or after)
 * @param sanitisedBefore sanitised bodies cached before this are dropped (those still shown are
 *     sanitised again when next published)
 */
public record Expiry(Map<URI, Expiry.Rule> keep, boolean keepUnsubscribed, RiverOrder order, Instant sanitisedBefore) {
    /**
     * @param newest how many of the newest entries are kept ({@code cache_keep_entries})
     * @param since entries dated at or after this are kept, when present ({@code cache_keep_days})
     */
    public record Rule(int newest, Optional<Instant> since) {
        public Rule {
            if (newest < 0) {
                throw new IllegalArgumentException("newest < 0: " + newest);
            }
            Objects.requireNonNull(since, "since");
        }
    }

    /** Expiry by the river's default order, {@link RiverOrder#DATE}, keeping every sanitised body. */
    public Expiry(Map<URI, Expiry.Rule> keep, boolean keepUnsubscribed) {
        this(keep, keepUnsubscribed, RiverOrder.DATE);
    }

    /** Expiry keeping every sanitised body. */
    public Expiry(Map<URI, Expiry.Rule> keep, boolean keepUnsubscribed, RiverOrder order) {
        this(keep, keepUnsubscribed, order, Instant.EPOCH);
    }

    public Expiry {
        keep = Map.copyOf(keep);
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(sanitisedBefore, "sanitisedBefore");
    }
}
