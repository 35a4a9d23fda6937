package org.orrery.fetch;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpStatus;
import org.orrery.fetch.FetchResult.Failed;
import org.orrery.fetch.FetchResult.Fetched;
import org.orrery.fetch.FetchResult.NotModified;
import org.orrery.model.Validators;

/**
 * Turns the final response of a fetch (not a redirect) into its result: not modified, failed
 * with the status, or the body, read whole up to {@code maxBodyBytes} after decoding.
 */
final class ResponseReader {
    private final long maxBodyBytes;
    private final InstantSource clock;

    /** @param clock the time a Retry-After date is measured from when the response has no Date */
    ResponseReader(long maxBodyBytes, InstantSource clock) {
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    /**
     * @param uri the URL that answered, after {@code hops}
     * @param sent the validators the request carried
     */
    FetchResult read(ClassicHttpResponse response, URI uri, Validators sent, List<Redirect> hops) throws IOException {
        int status = response.getCode();
        if (status == HttpStatus.SC_NOT_MODIFIED) {
            // RFC 9111 §4.3.4: a 304 may carry fresher validators; keep ours where it does not.
            Validators received = ResponseHeaders.validators(response);
            return new NotModified(
                    new Validators(
                            received.etag().or(sent::etag),
                            received.lastModified().or(sent::lastModified)),
                    hops,
                    ResponseHeaders.maxAge(response));
        }
        if (status != HttpStatus.SC_OK) {
            var retryAfter = status == 429 || status == 503
                    ? ResponseHeaders.retryAfter(response, clock.instant())
                    : Optional.<Duration>empty();
            return new Failed(
                    Reasons.httpStatus(status, response.getReasonPhrase()), OptionalInt.of(status), hops, retryAfter);
        }
        HttpEntity entity = response.getEntity();
        Optional<byte[]> body =
                entity == null ? Optional.of(new byte[0]) : Bodies.read(entity.getContent(), maxBodyBytes);
        if (body.isEmpty()) {
            return new Failed(
                    "response larger than " + Bodies.size(maxBodyBytes),
                    OptionalInt.of(status),
                    hops,
                    Optional.empty());
        }
        return new Fetched(
                body.get(),
                entity == null ? Optional.empty() : ResponseHeaders.charset(entity),
                uri,
                ResponseHeaders.validators(response),
                OptionalInt.of(status),
                hops,
                ResponseHeaders.maxAge(response),
                Arrays.stream(response.getHeaders("Link")).map(Header::getValue).toList());
    }
}
