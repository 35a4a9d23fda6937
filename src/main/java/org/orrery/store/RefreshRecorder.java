package org.orrery.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;
import org.orrery.model.Entry;
import org.orrery.model.Validators;
import org.orrery.schedule.Schedule;

/** Writes one {@link Refresh} through a handle whose transaction the caller owns. */
final class RefreshRecorder {
    private final Handle handle;
    private final WriterStatements statements;
    private final SqlDialect dialect;

    /** A recorder writing through {@code handle}, whose connection {@code statements} were prepared on. */
    RefreshRecorder(Handle handle, WriterStatements statements, SqlDialect dialect) {
        this.handle = handle;
        this.statements = statements;
        this.dialect = dialect;
    }

    /**
     * Writes {@code refresh}. A "not modified" or failed refresh is one statement, so it needs no
     * savepoint of its own in a group commit: a statement that fails leaves the transaction as it
     * was. A fetched one is several.
     */
    SaveResult record(Refresh refresh) {
        return switch (refresh) {
            case Refresh.Fetched fetched -> fetched(fetched);
            case Refresh.NotModified notModified -> notModified(notModified);
            case Refresh.Failed failed -> failed(failed);
        };
    }

    /** Whether recording {@code refresh} takes more than one statement. */
    static boolean severalStatements(Refresh refresh) {
        return refresh instanceof Refresh.Fetched;
    }

    /** The schedule's columns, set by every kind of refresh. */
    private static final String SCHEDULE_COLUMNS = "next_fetch_at, redirected_to, redirect_candidate, redirect_count";

    private static final String SCHEDULE_VALUES = ":next, :redirected_to, :candidate, :count";

    private static final String SCHEDULE_UPDATES =
            """
            next_fetch_at = excluded.next_fetch_at, redirected_to = excluded.redirected_to,
            redirect_candidate = excluded.redirect_candidate, redirect_count = excluded.redirect_count""";

    /** {@code update} with the refresh's URL and schedule bound. */
    private static Update withSchedule(Update update, Refresh refresh) {
        Schedule schedule = refresh.schedule();
        return update.bind("url", refresh.feedUri().toString())
                .bind("next", schedule.nextFetchAt().map(Instant::toEpochMilli).orElse(null))
                .bind(
                        "redirected_to",
                        schedule.redirectedTo().map(URI::toString).orElse(null))
                .bind(
                        "candidate",
                        schedule.redirectCandidate().map(URI::toString).orElse(null))
                .bind("count", schedule.redirectCount());
    }

    // A 200 replaces both validators: a header the server no longer sends no longer applies.
    private static final String FETCHED =
            """
            INSERT INTO subscription (url, title, site_url, etag, last_modified, http_status,
                                      last_fetched_at, last_attempt_at, error_count, last_error,
                                      content_hash, gone, feed_details, feed_updated, %s)
            VALUES (:url, :title, :site_url, :etag, :last_modified, :http_status, :at, :at, 0, :warning,
                    :content_hash, 0, :feed_details, :feed_updated, %s)
            ON CONFLICT (url) DO UPDATE SET
                title = excluded.title, site_url = excluded.site_url,
                feed_details = excluded.feed_details, feed_updated = excluded.feed_updated,
                etag = excluded.etag, last_modified = excluded.last_modified,
                http_status = excluded.http_status, last_fetched_at = excluded.last_fetched_at,
                last_attempt_at = excluded.last_attempt_at, error_count = 0, last_error = excluded.last_error,
                content_hash = excluded.content_hash, gone = 0, %s
            """
                    .formatted(SCHEDULE_COLUMNS, SCHEDULE_VALUES, SCHEDULE_UPDATES);

    private SaveResult fetched(Refresh.Fetched refresh) {
        withSchedule(handle.createUpdate(FETCHED), refresh)
                .bind("title", refresh.feed().title().orElse(null))
                .bind(
                        "site_url",
                        refresh.feed().siteLink().map(Object::toString).orElse(null))
                .bind("etag", refresh.validators().etag().orElse(null))
                .bind("last_modified", refresh.validators().lastModified().orElse(null))
                .bind("http_status", status(refresh.httpStatus()))
                .bind("at", refresh.at().toEpochMilli())
                .bind("content_hash", refresh.contentHash().orElse(null))
                .bind("warning", refresh.warning().orElse(null))
                .bind("feed_details", DetailsJson.of(refresh.feed()))
                .bind(
                        "feed_updated",
                        refresh.feed().updated().map(Instant::toEpochMilli).orElse(null))
                .execute();
        long subscriptionId = handle.createQuery("SELECT id FROM subscription WHERE url = :url")
                .bind("url", refresh.feedUri().toString())
                .mapTo(Long.class)
                .one();

        // The same key twice in one document counts once: the copy updated (else published)
        // last, the later of copies dated alike or undated, as Venus's spider selected it.
        Map<String, Entry> newest = new LinkedHashMap<>();
        for (Entry entry : refresh.entries()) {
            newest.merge(entry.key(), entry, (kept, later) -> dated(later) >= dated(kept) ? later : kept);
        }
        Map<String, EntryRow> rows = new LinkedHashMap<>();
        newest.forEach((key, entry) -> rows.put(key, EntryRow.of(entry)));
        // One read of what is stored, one batch of inserts, one of updates: a feed's entries
        // cost a few statements, not a few per entry.
        Map<String, StoredRow> stored = stored(subscriptionId);
        if (adoptResolvedKeys(stored, newest, refresh.feedUri())) {
            stored = stored(subscriptionId);
        }
        int updated = 0;
        List<EntryRow> newRows = new ArrayList<>();
        PreparedBatch updates = handle.prepareBatch(
                """
                UPDATE entry SET title = :title, link = :link, author = :author,
                    published = :published, updated = :updated, content_html = :content_html,
                    summary_html = :summary_html, categories = :categories, enclosures = :enclosures,
                    body_base = :body_base, details = :details
                WHERE id = :id
                """);
        List<Long> backInFeed = new ArrayList<>();
        for (EntryRow row : rows.values()) {
            StoredRow old = stored.get(row.key());
            if (old == null) {
                newRows.add(row);
            } else {
                if (!old.row().equals(row)) {
                    row.bindTo(updates).bind("id", old.id()).add();
                    updated++;
                }
                if (!old.inFeed()) {
                    backInFeed.add(old.id());
                }
            }
        }
        // Which entries the feed still carries: expunging keeps those (V4__expunge_and_reading_lists).
        // Only rows whose mark changes are written: a change counts as a change of the site
        // (V8__in_feed_changes), so that expunging runs when an entry has left its feed.
        List<Long> leftFeed = new ArrayList<>();
        List<Long> dropped = new ArrayList<>();
        for (StoredRow old : stored.values()) {
            if (refresh.droppedKeys().contains(old.row().key())
                    && !rows.containsKey(old.row().key())) {
                dropped.add(old.id()); // a filter set or changed since it was stored drops it now
            } else if (old.inFeed() && !rows.containsKey(old.row().key())) {
                leftFeed.add(old.id());
            }
        }
        for (int from = 0; from < dropped.size(); from += 500) {
            handle.createUpdate("DELETE FROM entry WHERE id IN (<ids>)")
                    .bindList("ids", dropped.subList(from, Math.min(from + 500, dropped.size())))
                    .execute();
        }
        if (!newRows.isEmpty()) {
            insert(subscriptionId, refresh, newRows);
        }
        if (updated > 0) {
            updates.execute();
        }
        markInFeed(backInFeed, 1);
        markInFeed(leftFeed, 0);
        return new SaveResult(newRows.size(), updated);
    }

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /**
     * Gives a stored entry the key of the fetched entry it is, where that entry's id is relative and
     * the stored one's is that id resolved against the feed's URL (or the entry's base): Planet
     * Venus's parser resolved relative ids so, and an entry imported from its cache keeps Venus's
     * id. No entry of Orrery's own is keyed so, since Orrery keeps ids as written.
     *
     * @return whether any key changed
     */
    private boolean adoptResolvedKeys(Map<String, StoredRow> stored, Map<String, Entry> entries, URI feedUri) {
        boolean changed = false;
        for (Entry entry : entries.values()) {
            String key = entry.key();
            if (stored.containsKey(key) || SCHEME.matcher(key).find()) {
                continue;
            }
            for (URI base : entry.base().isPresent() ? List.of(entry.base().get(), feedUri) : List.of(feedUri)) {
                String resolved = resolved(base, key);
                StoredRow old = resolved == null ? null : stored.get(resolved);
                if (old != null && !entries.containsKey(resolved)) {
                    handle.createUpdate("UPDATE entry SET entry_key = :key WHERE id = :id")
                            .bind("key", key)
                            .bind("id", old.id())
                            .execute();
                    stored.remove(resolved);
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }

    /** {@code reference} resolved against {@code base} (RFC 3986 §5.2), or null when it is not a URI reference. */
    private static String resolved(URI base, String reference) {
        try {
            if (reference.startsWith("?")) {
                String whole = base.toString();
                int end = whole.indexOf('?') >= 0
                        ? whole.indexOf('?')
                        : whole.indexOf('#') >= 0 ? whole.indexOf('#') : whole.length();
                return whole.substring(0, end) + reference;
            }
            return base.resolve(new URI(reference)).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private void markInFeed(List<Long> ids, int inFeed) {
        for (int from = 0; from < ids.size(); from += 500) {
            handle.createUpdate("UPDATE entry SET in_feed = :in_feed WHERE id IN (<ids>)")
                    .bind("in_feed", inFeed)
                    .bindList("ids", ids.subList(from, Math.min(from + 500, ids.size())))
                    .execute();
        }
    }

    private static final String INSERT_ENTRY = "INSERT INTO entry (subscription_id, first_seen, hidden, "
            + EntryRow.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * A fetched feed's new entries, in one batch bound through JDBC itself: a first run of 1,000
     * feeds spent most of its saving time in JDBI's binding of their 30,000 entries.
     */
    private void insert(long subscriptionId, Refresh.Fetched refresh, List<EntryRow> rows) {
        long firstSeen = refresh.at().toEpochMilli();
        statements.batch(INSERT_ENTRY, rows, (statement, row) -> {
            statement.setLong(1, subscriptionId);
            statement.setLong(2, firstSeen);
            statement.setInt(3, refresh.hiddenKeys().contains(row.key()) ? 1 : 0);
            row.bindFrom(statement, 4);
        });
    }

    private SaveResult notModified(Refresh.NotModified refresh) {
        notModified(List.of(refresh));
        return SaveResult.NOTHING;
    }

    /**
     * Records many "not modified" refreshes with one statement, prepared once per store and bound
     * through JDBC itself: a run of 10,000 feeds that answer 304 spent a quarter of its time
     * saving, most of it in preparing the same statement again and in JDBI's binding machinery.
     */
    void notModified(List<Refresh.NotModified> refreshes) {
        boolean numbered = dialect == SqlDialect.SQLITE;
        statements.batch(numbered ? NOT_MODIFIED : NOT_MODIFIED_POSITIONAL, refreshes, (statement, refresh) -> {
            Validators validators = refresh.validators();
            Schedule schedule = refresh.schedule();
            int at = 0;
            statement.setString(++at, refresh.feedUri().toString());
            statement.setString(++at, validators.etag().orElse(null));
            statement.setString(++at, validators.lastModified().orElse(null));
            statement.setObject(++at, status(refresh.httpStatus()));
            statement.setLong(++at, refresh.at().toEpochMilli());
            if (!numbered) {
                statement.setLong(++at, refresh.at().toEpochMilli());
            }
            statement.setObject(
                    ++at, schedule.nextFetchAt().map(Instant::toEpochMilli).orElse(null));
            statement.setString(++at, schedule.redirectedTo().map(URI::toString).orElse(null));
            statement.setString(
                    ++at, schedule.redirectCandidate().map(URI::toString).orElse(null));
            statement.setInt(++at, schedule.redirectCount());
        });
    }

    // A 304 may repeat only some validators (RFC 9110 §15.4.5); one it leaves out is kept.
    // While error_count is 0, last_error holds the last fetch's warning, which still applies.
    private static final String NOT_MODIFIED =
            """
            INSERT INTO subscription (url, etag, last_modified, http_status,
                                      last_fetched_at, last_attempt_at, error_count, last_error, %s)
            VALUES (?1, ?2, ?3, ?4, ?5, ?5, 0, NULL, ?6, ?7, ?8, ?9)
            ON CONFLICT (url) DO UPDATE SET
                etag = COALESCE(excluded.etag, subscription.etag),
                last_modified = COALESCE(excluded.last_modified, subscription.last_modified),
                http_status = excluded.http_status, last_fetched_at = excluded.last_fetched_at,
                last_attempt_at = excluded.last_attempt_at, error_count = 0,
                last_error = CASE WHEN subscription.error_count = 0 THEN subscription.last_error END, %s
            """
                    .formatted(SCHEDULE_COLUMNS, SCHEDULE_UPDATES);

    /** {@link #NOT_MODIFIED} with plain {@code ?} parameters (the time twice): PostgreSQL's driver numbers none. */
    private static final String NOT_MODIFIED_POSITIONAL =
            NOT_MODIFIED.replace("?5, ?5", "?, ?").replaceAll("\\?\\d", "?");

    private static final String FAILED =
            """
            INSERT INTO subscription (url, http_status, last_attempt_at, error_count, last_error,
                                      gone, %s)
            VALUES (:url, :http_status, :at, 1, :reason, :gone, %s)
            ON CONFLICT (url) DO UPDATE SET
                http_status = excluded.http_status, last_attempt_at = excluded.last_attempt_at,
                error_count = subscription.error_count + 1, last_error = excluded.last_error,
                gone = excluded.gone, %s
            """
                    .formatted(SCHEDULE_COLUMNS, SCHEDULE_VALUES, SCHEDULE_UPDATES);

    private SaveResult failed(Refresh.Failed refresh) {
        withSchedule(handle.createUpdate(FAILED), refresh)
                .bind("http_status", status(refresh.httpStatus()))
                .bind("at", refresh.at().toEpochMilli())
                .bind("reason", refresh.reason())
                .bind("gone", refresh.gone() ? 1 : 0)
                .execute();
        return SaveResult.NOTHING;
    }

    /** The subscription's stored entries by key. */
    private Map<String, StoredRow> stored(long subscriptionId) {
        Map<String, StoredRow> stored = new HashMap<>();
        handle.createQuery("SELECT id, in_feed, " + EntryRow.COLUMNS
                        + " FROM entry WHERE subscription_id = :subscription_id")
                .bind("subscription_id", subscriptionId)
                .map((rs, ctx) -> new StoredRow(rs.getLong("id"), EntryRow.read(rs), rs.getInt("in_feed") != 0))
                .forEach(row -> stored.put(row.row().key(), row));
        return stored;
    }

    private static Integer status(OptionalInt httpStatus) {
        return httpStatus.isPresent() ? httpStatus.getAsInt() : null;
    }

    private record StoredRow(long id, EntryRow row, boolean inFeed) {}

    /** When an entry says it was last updated, else published, in epoch milliseconds; undated first. */
    private static long dated(Entry entry) {
        return entry.updated().or(entry::published).map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
    }
}
