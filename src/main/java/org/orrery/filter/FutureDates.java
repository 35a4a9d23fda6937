package org.orrery.filter;

import java.time.Instant;
import java.util.Optional;
import org.orrery.config.SubscriptionOptions;
import org.orrery.model.Entry;

/** Venus's {@code future_dates}: what to do with an entry dated after the refresh. */
final class FutureDates implements EntryFilter {
    @Override
    public boolean readsBodies() {
        return false;
    }

    private final SubscriptionOptions.FutureDates mode;

    FutureDates(SubscriptionOptions.FutureDates mode) {
        this.mode = mode;
    }

    @Override
    public Verdict apply(Entry e, Instant now, Instant firstSeen) {
        boolean future = isAfter(e.published(), now) || isAfter(e.updated(), now);
        if (!future) {
            return new Verdict.Kept(e);
        }
        return switch (mode) {
            case KEEP -> new Verdict.Kept(e);
            case IGNORE_ENTRY -> new Verdict.Dropped(e.key(), "dated in the future (future_dates = ignore_entry)");
            case IGNORE_DATE -> {
                // The first-seen time stands in until the date has passed; a later refresh
                // brings the feed's date back.
                Instant seen = firstSeen.isAfter(now) ? now : firstSeen;
                yield new Verdict.Kept(e.withDates(
                        e.published().map(p -> p.isAfter(now) ? seen : p),
                        e.updated().map(u -> u.isAfter(now) ? seen : u)));
            }
        };
    }

    private static boolean isAfter(Optional<Instant> date, Instant now) {
        return date.isPresent() && date.get().isAfter(now);
    }
}
