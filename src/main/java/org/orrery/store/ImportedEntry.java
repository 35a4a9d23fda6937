package org.orrery.store;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import org.orrery.model.Entry;

/**
 * An entry another planet stored (Planet Venus's cache), to be added to the history of the
 * subscription at {@code feedUri}.
 *
 * @param firstSeen when that planet first had it, as near as it can tell
 * @param hidden that planet stored it without ever showing it (Planet 2.0's {@code
 *     new_feed_items}); it stays hidden
 */
public record ImportedEntry(URI feedUri, Entry entry, Instant firstSeen, boolean hidden) {
    public ImportedEntry {
        Objects.requireNonNull(feedUri, "feedUri");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(firstSeen, "firstSeen");
    }

    /** What importing one entry did. */
    public enum Outcome {
        /** The entry was added. */
        ADDED,
        /** The subscription had it already; it now counts as first seen when that planet had it. */
        FIRST_SEEN_EARLIER,
        /** The subscription had it already, first seen no later: nothing changed. */
        ALREADY_STORED
    }

    /** An entry that planet showed. */
    public ImportedEntry(URI feedUri, Entry entry, Instant firstSeen) {
        this(feedUri, entry, firstSeen, false);
    }
}
