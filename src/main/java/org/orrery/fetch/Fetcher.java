package org.orrery.fetch;

import java.net.URI;
import org.orrery.model.Validators;

/** Fetches one feed, conditionally. Implementations are safe to call from many threads. */
public interface Fetcher extends AutoCloseable {
    /**
     * Fetches {@code uri}, sending {@code validators} as If-None-Match / If-Modified-Since.
     * Never throws for network or server trouble: that is a {@link FetchResult.Failed}.
     *
     * @param privateAllowed whether the fetch, and every redirect it follows, may reach
     *     loopback, private and link-local addresses; when false such a hop fails
     */
    FetchResult fetch(URI uri, Validators validators, boolean privateAllowed);

    /** Fetches {@code uri}, reaching private addresses only if the URL itself names one. */
    default FetchResult fetch(URI uri, Validators validators) {
        return fetch(uri, validators, PrivateAddresses.namedBy(uri));
    }

    @Override
    void close();
}
