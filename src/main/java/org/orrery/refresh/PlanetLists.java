package org.orrery.refresh;

import java.time.Instant;
import java.util.List;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.Fetcher;
import org.orrery.store.Store;

/**
 * A planet's subscriptions with its reading lists expanded, as its last refresh fetched them,
 * else as the store last kept them (for publishing without fetching). Thread-safe.
 */
public final class PlanetLists {
    private final PlanetConfig config;
    private final Store store;
    private final Fetcher fetcher;
    private volatile ReadingLists current;
    /** Whether {@link #current} was fetched in this process rather than read from the store. */
    private volatile boolean fetched;

    public PlanetLists(PlanetConfig config, Store store, Fetcher fetcher) {
        this.config = config;
        this.store = store;
        this.fetcher = fetcher;
    }

    /** Fetches every reading list, keeps what went wrong beside the database, and returns the lists. */
    public ReadingLists fetch(Instant now) {
        ReadingLists lists = ReadingLists.fetch(config, fetcher, store, now);
        current = lists;
        fetched = true;
        ReadingListProblems.write(config, lists.problems());
        return lists;
    }

    /** The lists as last fetched, else as stored. */
    public ReadingLists current() {
        ReadingLists known = current;
        if (known == null) {
            known = ReadingLists.stored(config, store);
            current = known;
        }
        return known;
    }

    /** What went wrong with the lists on the last refresh: this process's, else the one recorded in the cache directory. */
    public List<String> problems() {
        ReadingLists known = current();
        return fetched ? known.problems() : ReadingListProblems.read(config).orElse(known.problems());
    }
}
