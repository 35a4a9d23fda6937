package org.orrery.migrate;

import java.net.URI;

/** One subscription's part of an import while it runs. */
final class FeedTally {
    int imported;
    int present;
    boolean stateImported;
    boolean gone;
    boolean inCache;

    ImportReport.Feed report(URI feedUri) {
        return new ImportReport.Feed(
                feedUri, imported, present, stateImported, gone, inCache || imported + present > 0);
    }
}
