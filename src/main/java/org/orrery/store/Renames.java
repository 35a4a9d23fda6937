package org.orrery.store;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Subscriptions whose section was renamed, as Orrery's "moved" advice says, or respelled
 * ({@code http://} to {@code https://}, the host's case, a {@code #fragment}): the stored row of
 * the old URL is given the new one, keeping its entries, fetch state and validators, instead of
 * the new URL starting afresh and the old one being expunged.
 */
final class Renames {
    private Renames() {}

    /** A stored subscription that is no longer configured. */
    private record Orphan(long id, URI url, Optional<URI> redirectedTo) {}

    /**
     * For each of {@code missing} (configured, not stored), the one stored subscription not in
     * {@code configured} that moved onto it or is the same URL spelled otherwise, renamed to it.
     *
     * @return how many were renamed
     */
    static int carryOver(Handle h, Set<URI> missing, Set<URI> configured) {
        List<Orphan> orphans = new ArrayList<>();
        for (Orphan orphan : h.createQuery("SELECT id, url, redirected_to FROM subscription")
                .map((rs, ctx) -> new Orphan(
                        rs.getLong("id"),
                        URI.create(rs.getString("url")),
                        Optional.ofNullable(rs.getString("redirected_to")).map(URI::create)))
                .list()) {
            if (!configured.contains(orphan.url())) {
                orphans.add(orphan);
            }
        }
        int renamed = 0;
        for (URI uri : missing) {
            List<Orphan> candidates = orphans.stream()
                    .filter(o -> o.redirectedTo().filter(uri::equals).isPresent() || sameFeed(o.url(), uri))
                    .toList();
            if (candidates.size() != 1) {
                continue; // none, or ambiguous: the new section starts afresh, as before
            }
            Orphan orphan = candidates.getFirst();
            h.createUpdate(
                            """
                            UPDATE subscription SET url = :url, redirected_to = NULL,
                                redirect_candidate = NULL, redirect_count = 0
                            WHERE id = :id
                            """)
                    .bind("url", uri.toString())
                    .bind("id", orphan.id())
                    .execute();
            orphans.remove(orphan);
            renamed++;
        }
        return renamed;
    }

    /** The same feed up to the scheme (http or https), the host's case, a default port and the fragment. */
    static boolean sameFeed(URI a, URI b) {
        return key(a).filter(k -> k.equals(key(b).orElse(null))).isPresent();
    }

    private static Optional<String> key(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 || port == 443;
        return Optional.of(uri.getHost().toLowerCase(Locale.ROOT)
                + (defaultPort ? "" : ":" + port)
                + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}
