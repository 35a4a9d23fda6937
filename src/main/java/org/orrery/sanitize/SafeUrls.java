package org.orrery.sanitize;

import java.net.URI;
import java.util.Optional;

/**
 * The sanitiser's URL rules for the URLs Orrery publishes outside an entry's body: entry and
 * site links, feed addresses, faces. Only {@code http}, {@code https} and {@code mailto} URLs
 * pass, and relative ones (they can only point into the http(s) page that shows them); a URL
 * that fails ({@code javascript:}, {@code vbscript:}, {@code data:}, {@code file:}, {@code
 * feed:javascript:}, however spelled) is published as no link at all, never as it was written.
 */
public final class SafeUrls {
    private SafeUrls() {}

    /** {@code url} when it may be published as a link; empty when it may not. */
    public static Optional<URI> of(URI url) {
        // Resolving without a base gives back the URL itself (a URI holds no spaces or controls).
        return UrlRules.resolve(null, url.toString()).filter(u -> !u.isEmpty()).map(u -> url);
    }

    /**
     * {@code url} when a page may fetch it in place (an enclosure's audio, video or image): an
     * absolute {@code http} or {@code https} URL that passes the rules; empty otherwise.
     */
    public static Optional<URI> file(URI url) {
        String scheme = url.getScheme();
        boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        return web ? of(url) : Optional.empty();
    }

    /** {@code url} when it may be published as a link; the empty string when it may not. */
    public static String of(String url) {
        return UrlRules.resolve(null, url).orElse("");
    }
}
