package org.orrery.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The cache of sanitised bodies ({@code safe_html}, migration V10): what the sanitiser gave for a
 * body, by the body's digest and the sanitiser's policy. Any row may be dropped at any time; the
 * body is then sanitised again when next shown.
 */
final class SafeHtmlRows {
    /** The policy of bodies an older Orrery stored sanitised (V10__raw_bodies): never pruned by age. */
    private static final String STORED_SANITISED = V10__raw_bodies.STORED_SANITISED;

    /**
     * {@code sanitize.BodyGate.SAME_AS_BODY}: a body the sanitiser left as it was, stored as NULL
     * rather than as a second copy.
     */
    private static final String SAME_AS_BODY = "\u0000";

    private static final int IN_LIST = 500;

    private SafeHtmlRows() {}

    /** The HTML kept for each of {@code digests} under the first of {@code policies} that has it. */
    static Map<String, String> find(Handle handle, Collection<String> digests, List<String> policies) {
        List<String> all = List.copyOf(digests);
        Map<String, String> found = new HashMap<>();
        Map<String, Integer> rank = new HashMap<>();
        for (int from = 0; from < all.size(); from += IN_LIST) {
            handle.createQuery(
                            "SELECT digest, policy, html FROM safe_html WHERE digest IN (<digests>) AND policy IN (<policies>)")
                    .bindList("digests", all.subList(from, Math.min(from + IN_LIST, all.size())))
                    .bindList("policies", policies)
                    .map((rs, ctx) -> {
                        String digest = rs.getString("digest");
                        int at = policies.indexOf(rs.getString("policy"));
                        if (at < rank.getOrDefault(digest, Integer.MAX_VALUE)) {
                            rank.put(digest, at);
                            String html = rs.getString("html");
                            found.put(digest, html == null ? SAME_AS_BODY : html);
                        }
                        return digest;
                    })
                    .list();
        }
        return found;
    }

    /** Keeps {@code sanitised} (digest to HTML) under {@code policy}; a digest kept already stays as it is. */
    static void keep(Handle handle, Map<String, String> sanitised, String policy, Instant at) {
        PreparedBatch batch = handle.prepareBatch(
                """
                INSERT INTO safe_html (digest, policy, html, created_at)
                VALUES (:digest, :policy, :html, :created_at)
                ON CONFLICT (digest, policy) DO NOTHING
                """);
        sanitised.forEach((digest, html) -> batch.bind("digest", digest)
                .bind("policy", policy)
                .bind("html", html.equals(SAME_AS_BODY) ? null : html)
                .bind("created_at", at.toEpochMilli())
                .add());
        batch.execute();
    }

    /**
     * Drops what was sanitised before {@code before}, so that bodies no longer shown (expunged,
     * edited, or sanitised under an older policy) do not stay for ever; the bodies an older
     * Orrery stored sanitised stay while their entries are the same.
     */
    static int prune(Handle handle, Instant before) {
        return handle.createUpdate("DELETE FROM safe_html WHERE created_at < :before AND policy <> :stored")
                .bind("before", before.toEpochMilli())
                .bind("stored", STORED_SANITISED)
                .execute();
    }
}
