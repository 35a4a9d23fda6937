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
}
