package org.orrery.store;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.orrery.model.Validators;
import org.orrery.schedule.Schedule;

/** Reads the fetch state and health columns of subscriptions. */
final class HealthQuery {
    private HealthQuery() {}

    static List<FeedHealth> health(Handle handle, List<URI> feedUris) {
        if (feedUris.isEmpty()) {
            return List.of();
        }
        // Every row is read and the list picked out here: binding a thousand URLs as an IN list
        // took JDBI ten times as long as SQLite takes to read the whole table.
        Map<String, FeedHealth> stored = new HashMap<>();
        handle.createQuery(
                        """
                        SELECT s.url, s.title, s.last_attempt_at, s.last_fetched_at, s.http_status, s.error_count,
                               s.last_error, s.gone, s.next_fetch_at, s.redirected_to, s.redirect_candidate,
                               s.redirect_count,
                               (SELECT MAX(e.sort_date) FROM entry e WHERE e.subscription_id = s.id) AS newest
                        FROM subscription s
                        """)
                .map((rs, ctx) -> new FeedHealth(
                        URI.create(rs.getString("url")),
                        Optional.ofNullable(rs.getString("title")),
                        instant(rs, "last_attempt_at"),
                        instant(rs, "last_fetched_at"),
                        Optional.ofNullable(EntryRow.nullableLong(rs, "http_status"))
                                .map(s -> OptionalInt.of(s.intValue()))
                                .orElse(OptionalInt.empty()),
                        rs.getInt("error_count"),
                        rs.getInt("error_count") > 0
                                ? Optional.ofNullable(rs.getString("last_error"))
                                : Optional.empty(),
                        rs.getInt("gone") != 0,
                        schedule(rs),
                        instant(rs, "newest"),
                        rs.getInt("error_count") == 0
                                ? Optional.ofNullable(rs.getString("last_error"))
                                : Optional.empty()))
                .forEach(h -> stored.put(h.feedUri().toString(), h));
        return feedUris.stream()
                .map(uri -> stored.getOrDefault(uri.toString(), FeedHealth.never(uri)))
                .toList();
    }

    /** The fetch state of the subscription at {@code feedUri}, or {@link FeedState#NEW}. */
    static FeedState state(Handle handle, URI feedUri) {
        return handle.createQuery(STATE_COLUMNS + " WHERE url = :url")
                .bind("url", feedUri.toString())
                .map((rs, ctx) -> feedState(rs))
                .findOne()
                .orElse(FeedState.NEW);
    }

    /** The fetch state of every stored subscription, by URL. */
    static Map<URI, FeedState> states(Handle handle) {
        var states = new HashMap<URI, FeedState>();
        for (var row : handle.createQuery(STATE_COLUMNS)
                .map((rs, ctx) -> Map.entry(rs.getString("url"), feedState(rs)))
                .list()) {
            states.put(URI.create(row.getKey()), row.getValue());
        }
        return states;
    }

    private static final String STATE_COLUMNS =
            """
            SELECT url, etag, last_modified, content_hash, error_count, gone, next_fetch_at,
                   redirected_to, redirect_candidate, redirect_count
            FROM subscription""";

    private static FeedState feedState(ResultSet rs) throws SQLException {
        return new FeedState(
                new Validators(
                        Optional.ofNullable(rs.getString("etag")), Optional.ofNullable(rs.getString("last_modified"))),
                Optional.ofNullable(rs.getString("content_hash")),
                rs.getInt("error_count"),
                rs.getInt("gone") != 0,
                schedule(rs));
    }

    private static Schedule schedule(ResultSet rs) throws SQLException {
        return new Schedule(
                instant(rs, "next_fetch_at"),
                Optional.ofNullable(rs.getString("redirected_to")).map(URI::create),
                Optional.ofNullable(rs.getString("redirect_candidate")).map(URI::create),
                rs.getInt("redirect_count"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(EntryRow.nullableLong(rs, column)).map(Instant::ofEpochMilli);
    }
}
