package org.orrery.store;

import java.net.URI;
import java.util.List;
import org.orrery.model.River;
import org.orrery.model.Subscription;
import org.orrery.model.Validators;

/** A planet's persistent state. Safe to call from many threads; writes are serialised. */
public interface Store extends AutoCloseable {
    /** The validators of the subscription's last fetch, or {@link Validators#NONE}. */
    Validators validators(URI feedUri);

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
    River river(List<Subscription> subscriptions, int maxPosts);

    @Override
    void close();
}
