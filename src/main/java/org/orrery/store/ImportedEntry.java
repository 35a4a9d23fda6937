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
 */
public record ImportedEntry(URI feedUri, Entry entry, Instant firstSeen) {
    public ImportedEntry {
        Objects.requireNonNull(feedUri, "feedUri");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(firstSeen, "firstSeen");
    }
}
