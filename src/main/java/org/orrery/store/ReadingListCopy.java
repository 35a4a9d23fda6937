package org.orrery.store;

import java.time.Instant;
import java.util.Objects;
import org.orrery.model.Validators;

/**
 * The last copy of a reading list that could be read, kept for runs on which the list cannot be
 * fetched (Venus's {@code cache_lists_directory}).
 *
 * @param body the document as fetched
 * @param validators what to send on the next conditional request for it
 * @param fetchedAt when this copy was fetched
 */
public record ReadingListCopy(byte[] body, Validators validators, Instant fetchedAt) {
    public ReadingListCopy {
        body = body.clone();
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
