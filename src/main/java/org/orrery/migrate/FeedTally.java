package org.orrery.migrate;

import java.net.URI;
import java.util.Optional;
import org.orrery.store.ImportedEntry;

/** One subscription's part of an import while it runs. */
final class FeedTally {
    int imported;
    int updated;
    int present;
    boolean stateImported;
    boolean gone;
    Optional<String> failure = Optional.empty();
    boolean inCache;

    void count(ImportedEntry.Outcome outcome) {
        switch (outcome) {
            case ADDED -> imported++;
            case FIRST_SEEN_EARLIER -> updated++;
            case ALREADY_STORED -> present++;
        }
    }

    ImportReport.Feed report(URI feedUri) {
        return new ImportReport.Feed(
                feedUri,
                imported,
                updated,
                present,
                stateImported,
                gone,
                failure,
                inCache || imported + updated + present > 0);
    }
}
