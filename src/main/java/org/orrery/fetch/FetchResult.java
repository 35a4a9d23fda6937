package org.orrery.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.orrery.model.Validators;

/** What happened when we asked a server for a feed. */
public sealed interface FetchResult {
    /** The redirects followed on the way, first hop first; empty when the first answer was final. */
    List<Redirect> redirects();

    /**
     * The server sent a document.
     *
     * @param body the bytes after content decoding (gzip, deflate, br)
     * @param charset the {@code charset} parameter of the Content-Type, when present
     * @param finalUri the URL the bytes came from, after redirects
     * @param validators what to send on the next conditional request
     * @param httpStatus 200 for HTTP, empty for {@code file:} URLs
     * @param maxAge how long the server said the document stays fresh (Cache-Control max-age)
     * @param links the response's {@code Link} header values (RFC 8288), where WebSub names a
     *     feed's hub and topic
     */
    record Fetched(
            byte[] body,
            Optional<String> charset,
            URI finalUri,
            Validators validators,
            OptionalInt httpStatus,
            List<Redirect> redirects,
            Optional<Duration> maxAge,
            List<String> links)
            implements FetchResult {
        public Fetched {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(finalUri, "finalUri");
            Objects.requireNonNull(validators, "validators");
            redirects = List.copyOf(redirects);
            Objects.requireNonNull(maxAge, "maxAge");
            links = List.copyOf(links);
        }

        public Fetched(
                byte[] body,
                Optional<String> charset,
                URI finalUri,
                Validators validators,
                OptionalInt httpStatus,
                List<Redirect> redirects,
                Optional<Duration> maxAge) {
            this(body, charset, finalUri, validators, httpStatus, redirects, maxAge, List.of());
        }

        public Fetched(
                byte[] body, Optional<String> charset, URI finalUri, Validators validators, OptionalInt httpStatus) {
            this(body, charset, finalUri, validators, httpStatus, List.of(), Optional.empty());
        }
    }

    /**
     * The server answered 304: what we stored is current.
     *
     * @param maxAge how long the server said the document stays fresh (Cache-Control max-age)
     */
    record NotModified(Validators validators, List<Redirect> redirects, Optional<Duration> maxAge)
            implements FetchResult {
        public NotModified {
            Objects.requireNonNull(validators, "validators");
            redirects = List.copyOf(redirects);
            Objects.requireNonNull(maxAge, "maxAge");
        }

        public NotModified(Validators validators) {
            this(validators, List.of(), Optional.empty());
        }
    }

    /**
     * The feed could not be fetched.
     *
     * @param reason what went wrong, in words a planet maintainer understands
     * @param httpStatus the HTTP status, when the server answered at all
     * @param retryAfter how long the server asked us to wait (Retry-After of a 429 or 503)
     */
    record Failed(String reason, OptionalInt httpStatus, List<Redirect> redirects, Optional<Duration> retryAfter)
            implements FetchResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(httpStatus, "httpStatus");
            redirects = List.copyOf(redirects);
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        public Failed(String reason, OptionalInt httpStatus) {
            this(reason, httpStatus, List.of(), Optional.empty());
        }
    }
}
