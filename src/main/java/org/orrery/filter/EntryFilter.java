package org.orrery.filter;

import java.time.Instant;
import org.orrery.model.Entry;

/** One filter: an entry in, a verdict out; pure. */
interface EntryFilter {
    /**
     * @param now the time of the refresh
     * @param firstSeen when the planet first saw this entry ({@code now} for a new one)
     */
    Verdict apply(Entry entry, Instant now, Instant firstSeen);

    /**
     * Whether the filter reads or rewrites an entry's bodies. Bodies are stored raw and
     * sanitised when published; a subscription with such a filter has its bodies sanitised as
     * they are fetched instead, so that the filter sees what it always saw.
     */
    default boolean readsBodies() {
        return true;
    }

    /**
     * Whether the filter reads bodies as the feed wrote them, before they are sanitised: Venus's
     * {@code stripAd} scripts matched comments and image maps that feedparser kept and Orrery's
     * sanitiser removes. Such a filter, listed before every filter that reads sanitised bodies,
     * sees the raw markup; listed after one, it sees the sanitised bodies.
     */
    default boolean onRawMarkup() {
        return false;
    }

    /** A filter of the raw markup ({@link #onRawMarkup()}). */
    @FunctionalInterface
    interface OfRawMarkup extends EntryFilter {
        @Override
        default boolean onRawMarkup() {
            return true;
        }
    }
}
