package org.orrery.parse;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How much of one document {@link FeedParser} reads.
 *
 * @param maxEntries entries kept, the first in document order; later ones are read past and
 *     counted, never held
 * @param maxTime how long parsing may take, by {@code clock}; past it the document fails
 * @param clock what measures {@code maxTime}
 */
public record ParseLimits(int maxEntries, Duration maxTime, InstantSource clock) {
    /** No bound but the document's size. */
    public static final ParseLimits NONE =
            new ParseLimits(Integer.MAX_VALUE, Duration.ofSeconds(Long.MAX_VALUE), InstantSource.system());

    /** How the warning about entries past {@code maxEntries} begins. */
    public static final String TOO_MANY_ENTRIES = "the feed has ";

    public ParseLimits {
        Objects.requireNonNull(maxTime, "maxTime");
        Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        if (maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("maxTime must be positive: " + maxTime);
        }
    }
}
