package org.orrery.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.orrery.model.Post;
import org.orrery.model.River;
import org.orrery.model.RiverOrder;
import org.orrery.model.Subscription;

/** A planet's persistent state. Safe to call from many threads; writes are serialised. */
public interface Store extends AutoCloseable {
    /** What the last refreshes of a subscription left for the next one, or {@link FeedState#NEW}. */
    FeedState state(URI feedUri);

    /**
     * {@link #state} of every subscription the store knows, by URL, in one read: what a
     * refresh of thousands of feeds starts from. A subscription not in it is {@link FeedState#NEW}.
     */
    java.util.Map<URI, FeedState> states();

    /**
     * When each stored entry of the subscription was first seen, by entry key; empty when
     * nothing of it is stored yet (its first refresh).
     */
    java.util.Map<String, java.time.Instant> firstSeen(URI feedUri);

    /**
     * How the refreshes of the given subscriptions have gone, in the given order; a
     * subscription never refreshed gets {@link FeedHealth#never}.
     */
    List<FeedHealth> health(List<URI> feedUris);

    /**
     * Records one refresh in a single transaction: the subscription's fetch state and, for
     * {@link Refresh.Fetched}, its entries (new ones inserted, changed ones updated in place,
     * entries no longer in the feed kept).
     *
     * @throws StoreException when the database cannot be written
     */
    SaveResult save(Refresh refresh);

    /**
     * The newest {@code maxPosts} posts of the given subscriptions, newest first, and a
     * channel for each subscription (sorted by name). Entries of subscriptions no longer in
     * the config are not shown.
     */
    default River river(List<Subscription> subscriptions, int maxPosts) {
        return river(subscriptions, maxPosts, RiverOrder.DATE);
    }

    /** As {@link #river(List, int)}, sorted and dated by {@code order}. */
    River river(List<Subscription> subscriptions, int maxPosts, RiverOrder order);

    @Override
    void close();

    /**
     * The date of every post {@link #river} would show for the subscriptions (hidden entries
     * left out), newest first: what pages and archives are planned from.
     */
    default List<java.time.Instant> riverDates(List<Subscription> subscriptions) {
        return riverDates(subscriptions, RiverOrder.DATE);
    }

    /** As {@link #riverDates(List)}, by {@code order}: the dates {@link #river(List, int, RiverOrder)} shows. */
    List<java.time.Instant> riverDates(List<Subscription> subscriptions, RiverOrder order);

    /** The posts of {@code range} of the river of the subscriptions, in river order; channels as {@link #river}. */
    default River river(List<Subscription> subscriptions, RiverRange range) {
        return river(subscriptions, range, RiverOrder.DATE);
    }

    /** As {@link #river(List, RiverRange)}, with {@code range} cut from {@link #riverDates(List, RiverOrder)}. */
    River river(List<Subscription> subscriptions, RiverRange range, RiverOrder order);

    /**
     * Removes, in one transaction, the entries {@code expiry} does not keep, and the
     * subscriptions no longer configured (Venus's {@code expunge.py}).
     *
     * @return the subscriptions that lost entries or were removed, in URL order
     * @throws StoreException when the database cannot be written
     */
    List<Expunged> expunge(Expiry expiry);

    /**
     * Gives each of {@code missing} (configured subscriptions the store has no row for) the row of
     * the one stored subscription not in {@code configured} that is the same feed: the one that
     * moved onto it (its recorded permanent redirect), or the same URL up to the scheme, the
     * host's case, a default port and the fragment. Its entries, fetch state and validators stay.
     *
     * @return how many subscriptions were renamed
     * @throws StoreException when the database cannot be written
     */
    int carryOver(java.util.Set<URI> missing, java.util.Set<URI> configured);

    /**
     * Gives the subscription at {@code feed.feedUri()} the state another planet left for it (its
     * feed's title and site, the validators to send, whether it is gone), unless the store already
     * has a row for it, which stays as it is.
     *
     * @return whether the row was created
     * @throws StoreException when the database cannot be written
     */
    boolean importFeed(ImportedFeed feed);

    /**
     * Adds, in one transaction, entries another planet stored, each under its subscription (a row
     * is created for one the store has none for). An entry whose key its subscription already has
     * (fetched, or imported before) is not added again; it keeps the earlier of the two first-seen
     * times. Imported entries count as still in their feed until the feed is next read.
     *
     * @return what became of each entry, in the order of {@code entries}
     * @throws StoreException when the database cannot be written
     */
    List<ImportedEntry.Outcome> importEntries(List<ImportedEntry> entries);

    /** The last copy of the reading list at {@code uri} that could be read, if any. */
    java.util.Optional<ReadingListCopy> readingList(URI uri);

    /**
     * Keeps {@code copy} as the reading list's last readable copy, replacing the one before.
     *
     * @throws StoreException when the database cannot be written
     */
    void saveReadingList(URI uri, ReadingListCopy copy);

    /**
     * A number that grows whenever anything the published site shows of the stored entries and
     * feeds changes: entries added, changed, hidden or removed, a feed's title, link or last
     * error. Equal numbers mean nothing of that changed in between.
     */
    long changeCount();

    /**
     * The first {@code limit} shown posts of the subscriptions in river order, newest first,
     * handed to {@code action} one at a time while they are read, so that a river of any length can be
     * published page by page in one pass. With {@code bodies} false the posts carry only their
     * headlines: empty content, no summary (for monthly archives). Posts of one feed share one {@link
     * org.orrery.model.Channel}.
     */
    void eachPost(List<Subscription> subscriptions, RiverOrder order, boolean bodies, int limit, Consumer<Post> action);

    /**
     * As {@link #eachPost(List, RiverOrder, boolean, int, Consumer)}, the posts of {@code range}
     * only (cut from {@link #riverDates(List, RiverOrder)}): one month's archive without reading
     * the river above it.
     */
    void eachPost(
            List<Subscription> subscriptions,
            RiverOrder order,
            boolean bodies,
            RiverRange range,
            Consumer<Post> action);

    /**
     * The days on which entries were added, changed (as a headline shows them) or removed since
     * {@link #forgetChangedDays} last forgot them, each with a mark of its last change. A day is
     * an entry's river date in {@code order} (old and new) in epoch milliseconds divided by
     * 86,400,000, rounded towards zero.
     */
    java.util.Map<Long, Long> changedDays(RiverOrder order);

    /**
     * Forgets the days of {@code seen} (as {@link #changedDays(RiverOrder)} gave them) whose mark is
     * unchanged; a day that changed again since is kept.
     *
     * @throws StoreException when the database cannot be written
     */
    void forgetChangedDays(RiverOrder order, java.util.Map<Long, Long> seen);

    /**
     * How many shown (not hidden) entries each stored subscription has, by URL; a subscription
     * with none is absent. With {@link #changedDays}, what tells which feeds' pages can have
     * changed: an entry removed or hidden leaves no other trace of its feed.
     */
    java.util.Map<URI, Integer> entryCounts();

    /** The days (as {@link #changedDays(RiverOrder)} counts them) of every stored entry of these feeds, by {@code order}. */
    java.util.Set<Long> entryDays(List<URI> feeds, RiverOrder order);

    /**
     * The sanitised bodies cached under each of {@code digests} with one of {@code policies}:
     * the cache of {@code sanitize.BodyGate}. A digest cached under several policies gives the
     * HTML of the first.
     */
    java.util.Map<String, String> safeHtml(java.util.Collection<String> digests, List<String> policies);

    /**
     * Keeps {@code sanitised} (body digest to sanitised HTML) under {@code policy}, as made at
     * {@code at}; a digest already kept under the policy stays as it is.
     *
     * @throws StoreException when the database cannot be written
     */
    void keepSafeHtml(java.util.Map<String, String> sanitised, String policy, Instant at);
}
