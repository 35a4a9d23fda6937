package org.orrery.model;

import java.util.Optional;

/**
 * What a server told us to send back on the next conditional GET (RFC 9110 §13.1).
 *
 * @param etag the {@code ETag} header as received, quotes included
 * @param lastModified the {@code Last-Modified} header as received, not parsed
 */
public record Validators(Optional<String> etag, Optional<String> lastModified) {
    public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

    public Validators {
        etag = etag.filter(s -> !s.isBlank());
        lastModified = lastModified.filter(s -> !s.isBlank());
    }

    public boolean isEmpty() {
        return etag.isEmpty() && lastModified.isEmpty();
    }
}
