package org.orrery.cli;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.orrery.fetch.FetchResult;
import org.orrery.fetch.Fetcher;
import org.orrery.model.Validators;

/** A fetcher that counts the bytes of the documents it received (after decompression), for the progress line. */
final class ByteCountingFetcher implements Fetcher {
    private final Fetcher fetcher;
    private final AtomicLong bytes = new AtomicLong();

    ByteCountingFetcher(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public FetchResult fetch(URI uri, Validators validators, boolean privateAllowed) {
        FetchResult result = fetcher.fetch(uri, validators, privateAllowed);
        if (result instanceof FetchResult.Fetched fetched) {
            bytes.addAndGet(fetched.body().length);
        }
        return result;
    }

    /** The bytes of every document fetched so far. */
    long bytes() {
        return bytes.get();
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
