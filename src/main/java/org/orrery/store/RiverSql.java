package org.orrery.store;

import org.orrery.model.RiverOrder;

/** How a {@link RiverOrder} reads in SQL over entry {@code e} and its subscription {@code s}. */
final class RiverSql {
    private RiverSql() {}

    /** The date of entry {@code e} the river is sorted and dated by. */
    static String column(RiverOrder order) {
        return switch (order.by()) {
            // Venus (spider.py: updated_parsed, else published_parsed, else the cache file's time)
            // and Planet 2.0 (NewsItem.get_date: updated, modified, published, ...) alike.
            case DATE -> "COALESCE(e.updated, e.published, e.first_seen)";
            case PUBLISHED -> "e.sort_date";
            case FIRST_SEEN -> "e.first_seen";
        };
    }

    /** The ORDER BY terms, newest first; ties of the same moment keep feed document order. */
    static String newestFirst(RiverOrder order) {
        return switch (order.by()) {
            case DATE, PUBLISHED -> column(order) + " DESC, e.first_seen DESC, e.id ASC";
            case FIRST_SEEN -> "e.first_seen DESC, e.id ASC";
        };
    }

    /**
     * FROM and WHERE of the shown entries {@code e} (not hidden) of the subscriptions {@code s}
     * whose URLs are bound to {@code <urls>}, the tables joined in {@code joinOrder}. With a
     * per-feed cap, only each subscription's newest {@link RiverOrder#perFeed} shown entries,
     * counted over the whole river (Venus's splice.py counts each source's entries as it walks
     * the cache newest first). The publisher asks for it on the front page and the feeds only. An entry
     * another feed also carries counts in both feeds' shares, though shown once (Venus's cache
     * held one copy). Further conditions may follow as {@code AND ...}.
     */
    static String shown(RiverOrder order, String joinOrder) {
        String shown = " FROM " + joinOrder + " WHERE s.id = e.subscription_id AND s.url IN (<urls>) AND e.hidden = 0";
        if (order.perFeed() == 0) {
            return shown;
        }
        return " FROM (SELECT e.*, ROW_NUMBER() OVER (PARTITION BY e.subscription_id ORDER BY "
                + newestFirst(order) + ") AS feed_rank" + shown + ") e CROSS JOIN subscription s"
                + " WHERE s.id = e.subscription_id AND e.feed_rank <= " + order.perFeed();
    }
}
