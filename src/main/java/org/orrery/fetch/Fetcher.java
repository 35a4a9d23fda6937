package org.orrery.fetch;

import java.net.URI;
import org.orrery.model.Validators;

/** Fetches one feed, conditionally. Implementations are safe to call from many threads. */
public interface Fetcher extends AutoCloseable {
    /**
     * Fetches {@code uri}, sending {@code validators} as If-None-Match / If-Modified-Since.
     * Never throws for network or server trouble: that is a {@link FetchResult.Failed}.
     */
    FetchResult fetch(URI uri, Validators validators);

    @Override
    void close();
}
