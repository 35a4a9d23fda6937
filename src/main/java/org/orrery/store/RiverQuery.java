package org.orrery.store;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.orrery.model.Channel;
import org.orrery.model.FeedInfo;
import org.orrery.model.Post;
import org.orrery.model.River;
import org.orrery.model.RiverOrder;
import org.orrery.model.Subscription;

/** Reads the river of the configured subscriptions through a handle: its newest posts, a range of it, its dates. */
final class RiverQuery {
    private final Handle handle;
    private final RiverOrder order;
    private final boolean bodies;

    RiverQuery(Handle handle, RiverOrder order) {
        this(handle, order, true);
    }

    /** @param bodies whether posts carry their content and summary, or only their headlines */
    RiverQuery(Handle handle, RiverOrder order, boolean bodies) {
        this.handle = handle;
        this.order = order;
        this.bodies = bodies;
    }

    River river(List<Subscription> subscriptions, int maxPosts) {
        if (maxPosts < 0) {
            throw new IllegalArgumentException("maxPosts < 0: " + maxPosts);
        }
        return river(subscriptions, "", Map.of(), maxPosts, 0);
    }

    River river(List<Subscription> subscriptions, RiverRange range) {
        return river(subscriptions, within(), bounds(range), range.limit(), range.skip());
    }

    /** The posts of {@code range}, handed to {@code action} one at a time as the rows are read. */
    void each(List<Subscription> subscriptions, RiverRange range, Consumer<Post> action) {
        if (!subscriptions.isEmpty()) {
            walk(channels(subscriptions), within(), bounds(range), range.limit(), range.skip(), action);
        }
    }

    private String within() {
        return " AND " + RiverSql.column(order) + " <= :newest AND " + RiverSql.column(order) + " >= :oldest";
    }

    private static Map<String, Long> bounds(RiverRange range) {
        return Map.of(
                "newest",
                range.newest().toEpochMilli(),
                "oldest",
                range.oldest().toEpochMilli());
    }

    /** The date of every shown post of the subscriptions, newest first. */
    List<Instant> dates(List<Subscription> subscriptions) {
        List<String> urls = urls(subscriptions);
        if (urls.isEmpty()) {
            return List.of();
        }
        Set<String> shown = new HashSet<>();
        List<Instant> dates = new ArrayList<>();
        handle.createQuery("SELECT " + RiverSql.column(order) + ", e.entry_key"
                        + RiverSql.shown(order, joinOrder(urls.size()))
                        + " ORDER BY " + RiverSql.newestFirst(order))
                .bindList("urls", urls)
                .map((rs, ctx) -> {
                    if (firstCopy(rs.getString(2), shown)) {
                        dates.add(Instant.ofEpochMilli(rs.getLong(1)));
                    }
                    return null;
                })
                .forEach(row -> {});
        return dates;
    }

    /**
     * Whether the entry of this key is the first of the river with it. Two feeds carrying the
     * same entry id (a blog's feed and its category feed, a planet and one of its blogs) show it
     * once: its newest copy, or, dated alike, the copy seen last, as Venus's cache kept the copy
     * written last. Only ids that name one post wherever it appears are shared this way: http
     * and https URLs, {@code tag:} and {@code urn:} names. Any other key (a bare guid such as
     * "1", which unrelated feeds reuse; a hash of title and date; a link no URL rule admits) is
     * its own feed's alone.
     */
    private static boolean firstCopy(String key, Set<String> shown) {
        return !global(key) || shown.add(key);
    }

    private static boolean global(String key) {
        return key.regionMatches(true, 0, "http://", 0, 7)
                || key.regionMatches(true, 0, "https://", 0, 8)
                || key.regionMatches(true, 0, "tag:", 0, 4)
                || key.regionMatches(true, 0, "urn:", 0, 4);
    }

    private River river(
            List<Subscription> subscriptions, String where, Map<String, Long> binds, int limit, int offset) {
        if (subscriptions.isEmpty()) {
            return new River(List.of(), List.of());
        }
        Map<String, Channel> channels = channels(subscriptions);
        List<Post> posts = new ArrayList<>();
        walk(channels, where, binds, limit, offset, posts::add);
        List<Channel> sorted = new ArrayList<>(channels.values());
        sorted.sort(Comparator.comparing(Channel::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(c -> c.feedUri().toString()));
        return new River(posts, sorted);
    }

    /**
     * The first {@code limit} shown posts of the subscriptions, newest first, handed to {@code
     * action} one at a time as the rows are read: the river in one query, however long.
     */
    void each(List<Subscription> subscriptions, int limit, Consumer<Post> action) {
        if (!subscriptions.isEmpty()) {
            walk(channels(subscriptions), "", Map.of(), limit, 0, action);
        }
    }

    /** Each subscription's channel, by feed URL: the config's name, the stored title and link. */
    private Map<String, Channel> channels(List<Subscription> subscriptions) {
        Map<String, StoredFeed> stored = storedFeeds(urls(subscriptions));
        Map<String, Channel> channels = new HashMap<>();
        for (Subscription subscription : subscriptions) {
            String url = subscription.feedUri().toString();
            channels.putIfAbsent(url, channel(subscription, Optional.ofNullable(stored.get(url))));
        }
        return channels;
    }

    /** The shown posts of the channels' feeds, newest first, read one row at a time. */
    private void walk(
            Map<String, Channel> channels,
            String where,
            Map<String, Long> binds,
            int limit,
            int offset,
            Consumer<Post> action) {
        // By date: same date, the entry first seen later first; same moment too: feed document order.
        // Rows past the limit stand in for copies of an entry another feed has (firstCopy).
        var query = handle.createQuery("SELECT s.url, " + RiverSql.column(order) + " AS river_date, " + prefixed()
                        + RiverSql.shown(order, joinOrder(channels.size())) + where
                        + " ORDER BY " + RiverSql.newestFirst(order) + " LIMIT :limit OFFSET :offset")
                .bindList("urls", List.copyOf(channels.keySet()))
                .bind("limit", (int) Math.min(Integer.MAX_VALUE, limit * 2L + 100))
                .bind("offset", offset);
        binds.forEach(query::bind);
        Set<String> shown = new HashSet<>();
        int[] kept = {0};
        try (var rows = query
                .map((rs, ctx) -> firstCopy(rs.getString("entry_key"), shown)
                        ? new Post(
                                EntryRow.read(rs).toEntry(),
                                channels.get(rs.getString("url")),
                                Instant.ofEpochMilli(rs.getLong("river_date")))
                        : null)
                .stream()) {
            rows.filter(Objects::nonNull).takeWhile(post -> kept[0]++ < limit).forEach(action);
        }
    }

    private static List<String> urls(List<Subscription> subscriptions) {
        return subscriptions.stream()
                .map(s -> s.feedUri().toString())
                .distinct()
                .toList();
    }

    /**
     * SQLite joins tables in the order a CROSS JOIN names them. For most of the planet, walking
     * entries newest first (index entry_river) stops after maxPosts rows; for a few feeds,
     * sorting their entries beats skipping everyone else's. Measured on 1M entries of 10,000
     * feeds: each form takes 10 ms where it fits and 3 s where it does not. PostgreSQL plans
     * either form itself.
     */
    private String joinOrder(int wanted) {
        long stored = handle.createQuery("SELECT COUNT(*) FROM subscription")
                .mapTo(Long.class)
                .one();
        return wanted * 2L >= stored ? "entry e CROSS JOIN subscription s" : "subscription s CROSS JOIN entry e";
    }

    private Map<String, StoredFeed> storedFeeds(List<String> urls) {
        Map<String, StoredFeed> feeds = new HashMap<>();
        handle.createQuery("SELECT url, title, site_url, last_fetched_at, error_count, last_error, feed_details,"
                        + " feed_updated"
                        + " FROM subscription WHERE url IN (<urls>)")
                .bindList("urls", urls)
                .map((rs, ctx) -> new StoredFeed(
                        rs.getString("url"),
                        Optional.ofNullable(rs.getString("title")),
                        Optional.ofNullable(rs.getString("site_url")).map(URI::create),
                        Optional.ofNullable(EntryRow.nullableLong(rs, "last_fetched_at"))
                                .map(Instant::ofEpochMilli),
                        rs.getInt("error_count") > 0
                                ? Optional.ofNullable(rs.getString("last_error"))
                                : Optional.empty(),
                        DetailsJson.feedInfo(
                                Optional.ofNullable(rs.getString("title")),
                                Optional.ofNullable(rs.getString("site_url")).map(URI::create),
                                rs.getString("feed_details"),
                                Optional.ofNullable(EntryRow.nullableLong(rs, "feed_updated"))
                                        .map(Instant::ofEpochMilli))))
                .forEach(feed -> feeds.put(feed.url(), feed));
        return feeds;
    }

    private static Channel channel(Subscription subscription, Optional<StoredFeed> stored) {
        String name = subscription
                .name()
                .filter(n -> !n.isBlank())
                .or(() -> stored.flatMap(StoredFeed::title).filter(t -> !t.isBlank()))
                .orElse(subscription.feedUri().toString());
        return new Channel(
                subscription.feedUri(),
                name,
                stored.flatMap(StoredFeed::siteLink),
                stored.flatMap(StoredFeed::lastFetched),
                stored.flatMap(StoredFeed::lastError),
                stored.flatMap(StoredFeed::lastError),
                subscription.options(),
                stored.map(StoredFeed::feed).orElse(FeedInfo.UNKNOWN));
    }

    private String prefixed() {
        String columns = "e." + EntryRow.COLUMNS.replace(", ", ", e.");
        return bodies
                ? columns
                : columns.replace("e.content_html", "'' AS content_html")
                        .replace("e.summary_html", "NULL AS summary_html");
    }

    private record StoredFeed(
            String url,
            Optional<String> title,
            Optional<URI> siteLink,
            Optional<Instant> lastFetched,
            Optional<String> lastError,
            FeedInfo feed) {}
}
