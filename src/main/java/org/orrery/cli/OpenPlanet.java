package org.orrery.cli;

import java.io.IOException;
import java.time.InstantSource;
import org.orrery.Planet;
import org.orrery.RunLock;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.FetchSettings;
import org.orrery.fetch.HttpFetcher;
import org.orrery.store.JdbcStore;
import org.orrery.store.Store;

/** A planet with its lock, database and HTTP client open, closed together. */
final class OpenPlanet implements AutoCloseable {
    final Planet planet;
    private final RunLock lock;
    private final Store store;
    private final ByteCountingFetcher fetcher;

    private OpenPlanet(Planet planet, RunLock lock, Store store, ByteCountingFetcher fetcher) {
        this.planet = planet;
        this.lock = lock;
        this.store = store;
        this.fetcher = fetcher;
    }

    /** Takes the planet's lock and opens its database (creating it) and an HTTP client. */
    static OpenPlanet open(PlanetConfig config) throws IOException {
        var lock = RunLock.acquire(config.cacheDirectory());
        Store store = null;
        try {
            store = JdbcStore.open(config.options().database(), config.databaseFile());
            var fetcher = new ByteCountingFetcher(fetcher(config));
            return new OpenPlanet(new Planet(config, fetcher, store, InstantSource.system()), lock, store, fetcher);
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            lock.close();
            throw e;
        }
    }

    /** An HTTP client with the planet's settings (timeout, user agent, limits). */
    static HttpFetcher fetcher(PlanetConfig config) {
        return new HttpFetcher(fetchSettings(config));
    }

    /** How the planet's feeds are fetched: its time limit, User-Agent, size limit and connections. */
    static FetchSettings fetchSettings(PlanetConfig config) {
        return FetchSettings.defaults()
                .withTimeout(config.feedTimeout())
                .withUserAgent(FetchSettings.userAgent(config.link()))
                .withMaxBodyBytes(config.options().maxFeedBytes())
                .withConnections(
                        config.options().maxConnections(), config.options().maxConnectionsPerHost());
    }

    /** The database, for a caller that builds planets of its own on it ({@code serve}, on reload). */
    Store store() {
        return store;
    }

    /** The HTTP client, likewise. */
    org.orrery.fetch.Fetcher fetcher() {
        return fetcher;
    }

    /** The bytes of the feeds and reading lists fetched so far. */
    long bytesReceived() {
        return fetcher.bytes();
    }

    private boolean closed;

    /** Closes the client and the database, then releases the lock; again, does nothing. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (lock) {
            try (store) {
                fetcher.close();
            }
        }
    }
}
