package org.orrery.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;

/**
 * The redirects one fetch has followed, and the rules the next must pass: http or https only,
 * no URL visited twice, at most so many hops. Used by one thread at a time.
 */
final class RedirectChain {
    private final int maxRedirects;
    private final Set<URI> visited = new HashSet<>();
    private final List<Redirect> hops = new ArrayList<>();

    RedirectChain(int maxRedirects) {
        this.maxRedirects = maxRedirects;
    }

    /** The resolved Location of a 3xx redirect, or empty when the response is final. */
    static Optional<URI> target(HttpResponse response, URI at) throws URISyntaxException {
        int status = response.getCode();
        boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        Header location = response.getFirstHeader(HttpHeaders.LOCATION);
        if (!redirect || location == null) {
            return Optional.empty();
        }
        return Optional.of(at.resolve(new URI(location.getValue().strip())).normalize());
    }

    /** Notes that a request to {@code at} is being sent. */
    void visit(URI at) {
        visited.add(at);
    }

    /** Adds {@code hop} to the chain; says why its target may not be requested, or empty when it may. */
    Optional<String> follow(Redirect hop) {
        hops.add(hop);
        URI to = hop.to();
        String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("redirected to an unsupported URL scheme: " + to);
        }
        if (visited.contains(to)) {
            return Optional.of("redirect loop: " + hop.from() + " → " + to + " (visited before)");
        }
        if (hops.size() > maxRedirects) {
            return Optional.of("too many redirects: more than " + maxRedirects + ", the last to " + to);
        }
        return Optional.empty();
    }

    /** The redirects followed so far, first first. */
    List<Redirect> hops() {
        return hops;
    }
}
