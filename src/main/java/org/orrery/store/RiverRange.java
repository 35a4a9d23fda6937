package org.orrery.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Consecutive posts of a river, found by their dates rather than by their position, so that
 * reading a page deep in the river costs as little as reading the first: the posts dated from
 * {@code newest} down to {@code oldest} (both included), in river order, less the first {@code
 * skip} of them (posts sharing {@code newest} that an earlier page showed), at most {@code limit}.
 */
public record RiverRange(Instant newest, Instant oldest, int skip, int limit) {
    public RiverRange {
        Objects.requireNonNull(newest, "newest");
        Objects.requireNonNull(oldest, "oldest");
        if (oldest.isAfter(newest)) {
            throw new IllegalArgumentException("oldest " + oldest + " is after newest " + newest);
        }
        if (skip < 0 || limit < 0) {
            throw new IllegalArgumentException("skip and limit must not be negative: " + skip + ", " + limit);
        }
    }

    /**
     * The posts at positions {@code from} (included) to {@code to} (excluded) of a river whose
     * dates, newest first, are {@code dates} (as {@link Store#riverDates} gives them).
     */
    public static RiverRange of(List<Instant> dates, int from, int to) {
        if (from < 0 || to > dates.size() || from >= to) {
            throw new IndexOutOfBoundsException("posts " + from + ".." + to + " of " + dates.size());
        }
        Instant newest = dates.get(from);
        int firstOfNewest = from;
        while (firstOfNewest > 0 && dates.get(firstOfNewest - 1).equals(newest)) {
            firstOfNewest--;
        }
        return new RiverRange(newest, dates.get(to - 1), from - firstOfNewest, to - from);
    }
}
