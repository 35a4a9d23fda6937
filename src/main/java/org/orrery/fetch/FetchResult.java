package org.orrery.fetch;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.orrery.model.Validators;

/** What happened when we asked a server for a feed. */
public sealed interface FetchResult {
    /**
     * The server sent a document.
     *
     * @param body the bytes after content decoding (gzip, deflate)
     * @param charset the {@code charset} parameter of the Content-Type, when present
     * @param finalUri the URL the bytes came from, after redirects
     * @param validators what to send on the next conditional request
     * @param httpStatus 200 for HTTP, empty for {@code file:} URLs
     */
    record Fetched(byte[] body, Optional<String> charset, URI finalUri, Validators validators, OptionalInt httpStatus)
            implements FetchResult {
        public Fetched {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(finalUri, "finalUri");
            Objects.requireNonNull(validators, "validators");
        }
    }

    /** The server answered 304: what we stored is current. */
    record NotModified(Validators validators) implements FetchResult {}

    /**
     * The feed could not be fetched.
     *
     * @param reason what went wrong, in words a planet maintainer understands
     * @param httpStatus the HTTP status, when the server answered at all
     */
    record Failed(String reason, OptionalInt httpStatus) implements FetchResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
