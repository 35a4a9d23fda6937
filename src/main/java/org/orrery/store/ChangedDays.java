package org.orrery.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.orrery.model.RiverOrder;

/**
 * The days on which entries changed since the site was last published ({@code changed_day},
 * kept by triggers: see {@code V12__changed_days.sql}), and the days of given feeds' entries.
 * A day is a river date's epoch milliseconds divided by {@link #MILLIS_PER_DAY}, as SQLite divides
 * integers (towards zero), which Java's {@code long} division does alike.
 */
final class ChangedDays {
    static final long MILLIS_PER_DAY = 86_400_000L;

    private ChangedDays() {}

    static Map<Long, Long> read(Handle h, RiverOrder order) {
        Map<Long, Long> days = new HashMap<>();
        h.createQuery("SELECT day, mark FROM changed_day WHERE kind = :kind")
                .bind("kind", kind(order))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> days.put(e.getKey(), e.getValue()));
        return days;
    }

    /** Forgets each day whose mark is still the one read: a day marked again since stays. */
    static void forget(Handle h, RiverOrder order, Map<Long, Long> seen) {
        if (seen.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("DELETE FROM changed_day WHERE kind = :kind AND day = :day AND mark = :mark");
        seen.forEach((day, mark) -> batch.bind("kind", kind(order))
                .bind("day", day)
                .bind("mark", mark)
                .add());
        batch.execute();
    }

    private static String kind(RiverOrder order) {
        return switch (order.by()) {
            case DATE -> "date";
            case PUBLISHED -> "published";
            case FIRST_SEEN -> "seen";
        };
    }

    /**
     * How many shown entries each subscription has, by URL. The count reads the river's index
     * ({@code entry_river} holds {@code hidden} and the subscription), never the entries' rows.
     */
    static Map<java.net.URI, Integer> counts(Handle h) {
        Map<java.net.URI, Integer> counts = new HashMap<>();
        h.createQuery("SELECT s.url, c.n FROM subscription s JOIN (SELECT subscription_id, COUNT(*) AS n"
                        + " FROM entry WHERE hidden = 0 GROUP BY subscription_id) c ON c.subscription_id = s.id")
                .map((rs, ctx) -> Map.entry(java.net.URI.create(rs.getString(1)), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The days of every entry of the feeds at {@code urls}, by the river's date in {@code order}. */
    static Set<Long> ofFeeds(Handle h, List<String> urls, RiverOrder order) {
        Set<Long> days = new HashSet<>();
        if (urls.isEmpty()) {
            return days;
        }
        h.createQuery("SELECT DISTINCT " + RiverSql.column(order) + " / " + MILLIS_PER_DAY
                        + " FROM subscription s, entry e WHERE s.id = e.subscription_id AND s.url IN (<urls>)")
                .bindList("urls", urls)
                .mapTo(Long.class)
                .forEach(days::add);
        return days;
    }
}
