package org.orrery.fetch;

import java.net.URI;
import org.orrery.model.Validators;

/** A fetcher for planets that only publish: fetching fails the test. */
public final class NoFetching implements Fetcher {
    public static final Fetcher FETCHER = new NoFetching();

    private NoFetching() {}

    @Override
    public FetchResult fetch(URI uri, Validators validators, boolean privateAllowed) {
        throw new AssertionError("publishing never fetches");
    }

    @Override
    public void close() {}
}
