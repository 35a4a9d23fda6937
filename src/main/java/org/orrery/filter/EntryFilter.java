package org.orrery.filter;

import java.time.Instant;
import org.orrery.model.Entry;

/** One filter: an entry in, a verdict out; pure. */
@FunctionalInterface
interface EntryFilter {
    /**
     * @param now the time of the refresh
     * @param firstSeen when the planet first saw this entry ({@code now} for a new one)
     */
    Verdict apply(Entry entry, Instant now, Instant firstSeen);
}
