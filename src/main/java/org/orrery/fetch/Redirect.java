package org.orrery.fetch;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One redirect followed on the way to a feed.
 *
 * @param from the URL that answered with a redirect
 * @param status its status: 301, 302, 303, 307 or 308
 * @param to the {@code Location} it named, resolved against {@code from}
 */
public record Redirect(URI from, int status, URI to) {
    public Redirect {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** RFC 9110 §15.4: 301 and 308 say the resource moved for good; 302, 303 and 307 do not. */
    public boolean permanent() {
        return status == 301 || status == 308;
    }

    /**
     * Where a chain of redirects says the feed moved for good: the target of the last of its
     * leading permanent hops; empty when its first hop is temporary or there is none.
     */
    public static Optional<URI> movedTo(List<Redirect> chain) {
        URI moved = null;
        for (Redirect hop : chain) {
            if (!hop.permanent()) {
                break;
            }
            moved = hop.to();
        }
        return Optional.ofNullable(moved);
    }

    @Override
    public String toString() {
        return from + " " + status + " → " + to;
    }
}
