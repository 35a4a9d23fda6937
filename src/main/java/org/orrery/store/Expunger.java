package org.orrery.store;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.orrery.model.RiverOrder;

/** Removes what an {@link Expiry} does not keep, through a handle whose transaction the caller owns. */
final class Expunger {
    private final Handle handle;

    Expunger(Handle handle) {
        this.handle = handle;
    }

    /** @return one line per subscription that lost entries, in feed URL order */
    List<Expunged> expunge(Expiry expiry) {
        SafeHtmlRows.prune(handle, expiry.sanitisedBefore());
        Map<Long, Feed> feeds = new LinkedHashMap<>();
        handle.createQuery("SELECT id, url FROM subscription ORDER BY url")
                .map((rs, ctx) -> new Feed(rs.getLong("id"), URI.create(rs.getString("url"))))
                .forEach(feed -> feeds.put(feed.id, feed));
        List<Long> doomed = new ArrayList<>();
        // Venus's expunge.py: each feed's newest entries by the cache files' times, which are the
        // entries' dates (spider.py); here the river's order, so "newest" means what the site shows first.
        RiverOrder order = expiry.order();
        handle.createQuery("SELECT e.id, e.subscription_id, " + RiverSql.column(order) + " AS river_date, e.in_feed"
                        + " FROM entry e ORDER BY e.subscription_id, " + RiverSql.newestFirst(order))
                .map((rs, ctx) -> new Row(
                        rs.getLong("id"),
                        rs.getLong("subscription_id"),
                        rs.getLong("river_date"),
                        rs.getInt("in_feed")))
                .forEach(row -> {
                    Feed feed = feeds.get(row.subscriptionId);
                    Expiry.Rule rule = expiry.keep().get(feed.uri);
                    feed.rank++;
                    boolean keep = rule == null
                            ? expiry.keepUnsubscribed()
                            : feed.rank <= rule.newest()
                                    || row.inFeed != 0
                                    || rule.since()
                                            .filter(since -> row.riverDate >= since.toEpochMilli())
                                            .isPresent();
                    if (keep) {
                        feed.kept++;
                    } else {
                        feed.removed++;
                        doomed.add(row.id);
                    }
                });
        delete("DELETE FROM entry WHERE id = :id", doomed);
        List<Long> unsubscribed = new ArrayList<>();
        List<Expunged> report = new ArrayList<>();
        for (Feed feed : feeds.values()) {
            boolean subscribed = expiry.keep().containsKey(feed.uri);
            if (!subscribed && !expiry.keepUnsubscribed()) {
                unsubscribed.add(feed.id);
            }
            if (feed.removed > 0 || (!subscribed && !expiry.keepUnsubscribed())) {
                report.add(new Expunged(feed.uri, feed.removed, feed.kept, subscribed));
            }
        }
        delete("DELETE FROM subscription WHERE id = :id", unsubscribed);
        return report;
    }

    private void delete(String sql, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch(sql);
        for (long id : ids) {
            batch.bind("id", id).add();
        }
        batch.execute();
    }

    private record Row(long id, long subscriptionId, long riverDate, int inFeed) {}

    /** A stored subscription, with the tallies of the walk over its entries. */
    private static final class Feed {
        final long id;
        final URI uri;
        int rank;
        int kept;
        int removed;

        Feed(long id, URI uri) {
            this.id = id;
            this.uri = uri;
        }
    }
}
