package org.orrery.store;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Adds another planet's history through a handle whose transaction the caller owns: rows are only
 * ever added, never replaced, so importing the same history twice adds nothing the second time.
 */
final class Importer {
    private final Handle handle;

    Importer(Handle handle) {
        this.handle = handle;
    }

    /** Creates the subscription's row with {@code feed}'s state, unless there is one; whether it did. */
    boolean feed(ImportedFeed feed) {
        return handle.createUpdate(
                                """
                        INSERT INTO subscription (url, title, site_url, etag, last_modified, gone, feed_details,
                                                  feed_updated, http_status, error_count, last_error)
                        VALUES (:url, :title, :site_url, :etag, :last_modified, :gone, :feed_details, :feed_updated,
                                :http_status, :error_count, :last_error)
                        ON CONFLICT (url) DO NOTHING
                        """)
                        .bind("url", feed.feedUri().toString())
                        .bind("title", feed.feed().title().orElse(null))
                        .bind(
                                "site_url",
                                feed.feed().siteLink().map(URI::toString).orElse(null))
                        .bind("etag", feed.validators().etag().orElse(null))
                        .bind("last_modified", feed.validators().lastModified().orElse(null))
                        .bind("gone", feed.gone() ? 1 : 0)
                        .bind("feed_details", DetailsJson.of(feed.feed()))
                        .bind(
                                "feed_updated",
                                feed.feed()
                                        .updated()
                                        .map(java.time.Instant::toEpochMilli)
                                        .orElse(null))
                        .bind(
                                "http_status",
                                feed.httpStatus().isPresent()
                                        ? feed.httpStatus().getAsInt()
                                        : null)
                        .bind("error_count", feed.error().isPresent() ? 1 : 0)
                        .bind("last_error", feed.error().orElse(null))
                        .execute()
                == 1;
    }

    // Imported entries count as still in their feed (in_feed's default) until Orrery has read the
    // feed once: expunging must not remove what the feed may still carry (see V4).
    private static final String INSERT_ENTRY = "INSERT INTO entry (subscription_id, first_seen, hidden, "
            + EntryRow.COLUMNS
            + ") VALUES (:subscription_id, :first_seen, :hidden, :entry_key, :title, :link, :author, :published, :updated,"
            + " :content_html, :summary_html, :categories, :enclosures, :body_base, :details)"
            + " ON CONFLICT (subscription_id, entry_key) DO NOTHING";

    /** Adds the entries a subscription has no entry of the same key for; what became of each, in order. */
    List<ImportedEntry.Outcome> entries(List<ImportedEntry> entries) {
        Map<URI, Long> ids = new HashMap<>();
        List<EntryRow> rows = new ArrayList<>(entries.size());
        // One prepared batch for the inserts, one for the first-seen times: a statement per entry
        // was most of an import's time.
        PreparedBatch inserts = handle.prepareBatch(INSERT_ENTRY);
        for (ImportedEntry imported : entries) {
            EntryRow row = EntryRow.of(imported.entry());
            rows.add(row);
            row.bindTo(inserts)
                    .bind("subscription_id", ids.computeIfAbsent(imported.feedUri(), this::subscriptionId))
                    .bind("first_seen", imported.firstSeen().toEpochMilli())
                    .bind("hidden", imported.hidden() ? 1 : 0)
                    .add();
        }
        int[] inserted = entries.isEmpty() ? new int[0] : inserts.execute();
        List<ImportedEntry.Outcome> outcomes = new ArrayList<>(entries.size());
        List<Integer> present = new ArrayList<>();
        PreparedBatch earlier = handle.prepareBatch(EARLIER_FIRST_SEEN);
        for (int i = 0; i < entries.size(); i++) {
            ImportedEntry imported = entries.get(i);
            outcomes.add(inserted[i] > 0 ? ImportedEntry.Outcome.ADDED : ImportedEntry.Outcome.ALREADY_STORED);
            if (inserted[i] == 0) {
                earlier.bind("first_seen", imported.firstSeen().toEpochMilli())
                        .bind("subscription_id", ids.get(imported.feedUri()))
                        .bind("entry_key", rows.get(i).key())
                        .add();
                present.add(i);
            }
        }
        if (!present.isEmpty()) {
            int[] moved = earlier.execute();
            for (int j = 0; j < moved.length; j++) {
                if (moved[j] > 0) {
                    outcomes.set(present.get(j), ImportedEntry.Outcome.FIRST_SEEN_EARLIER);
                }
            }
        }
        return outcomes;
    }

    /** An entry fetched before it was imported was first seen when the other planet saw it. */
    private static final String EARLIER_FIRST_SEEN =
            """
            UPDATE entry SET first_seen = :first_seen
            WHERE subscription_id = :subscription_id AND entry_key = :entry_key AND first_seen > :first_seen
            """;

    private long subscriptionId(URI feedUri) {
        handle.createUpdate("INSERT INTO subscription (url) VALUES (:url) ON CONFLICT (url) DO NOTHING")
                .bind("url", feedUri.toString())
                .execute();
        return handle.createQuery("SELECT id FROM subscription WHERE url = :url")
                .bind("url", feedUri.toString())
                .mapTo(Long.class)
                .one();
    }
}
