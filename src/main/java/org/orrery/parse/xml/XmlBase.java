package org.orrery.parse.xml;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Resolution of URI references as written in feeds against the base in effect. */
public final class XmlBase {
    private XmlBase() {}

    /**
     * Resolves {@code reference} against {@code base} (RFC 3986 §5.2). Empty when the reference
     * is blank or not a URI even after escaping spaces.
     */
    public static Optional<URI> resolve(URI base, String reference) {
        String ref = reference.strip();
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> parsed = parse(ref);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        URI uri = parsed.get();
        if (uri.isAbsolute() || base.isOpaque()) {
            return Optional.of(uri);
        }
        // RFC 3986 §5.2.2: a query-only reference keeps the base path; java.net.URI drops its last
        // segment.
        if (ref.startsWith("?")) {
            return parse(withoutQueryAndFragment(base) + ref);
        }
        if (ref.startsWith("#")) {
            return parse(withoutFragment(base) + ref);
        }
        URI effectiveBase = base;
        if (base.getRawAuthority() != null
                && (base.getRawPath() == null || base.getRawPath().isEmpty())) {
            // RFC 3986 §5.2.3: a base with an authority and an empty path merges as "/".
            effectiveBase = base.resolve("/");
        }
        return Optional.of(effectiveBase.resolve(uri));
    }

    private static Optional<URI> parse(String ref) {
        try {
            return Optional.of(new URI(ref));
        } catch (URISyntaxException e) {
            try {
                // Feeds often carry unescaped spaces or brackets; escape the usual offenders once.
                return Optional.of(new URI(ref.replace(" ", "%20")
                        .replace("\"", "%22")
                        .replace("<", "%3C")
                        .replace(">", "%3E")
                        .replace("|", "%7C")));
            } catch (URISyntaxException stillBad) {
                return Optional.empty();
            }
        }
    }

    private static String withoutFragment(URI base) {
        String s = base.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }

    private static String withoutQueryAndFragment(URI base) {
        String s = withoutFragment(base);
        int query = s.indexOf('?');
        return query < 0 ? s : s.substring(0, query);
    }
}
