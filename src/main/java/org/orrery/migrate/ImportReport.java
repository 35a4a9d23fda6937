package org.orrery.migrate;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.orrery.config.Dialect;

/**
 * What importing a Venus cache did.
 *
 * @param feeds each subscription of the config, in config order
 * @param unsubscribed the feeds the cache has entries of that the config does not subscribe to,
 *     whose entries were left out, most entries first
 * @param unreadable the files that could not be read as entries, by name, with the reason
 * @param withoutFeed the entry files that name no feed (no {@code <source>}, or no id in it)
 * @param validatorsImported feeds given the ETag or Last-Modified the old planet would have sent next
 * @param notImported what of the cache's kind is never imported, in words
 * @param from which planet wrote the cache
 */
public record ImportReport(
        List<Feed> feeds,
        List<Unsubscribed> unsubscribed,
        List<Unreadable> unreadable,
        List<String> withoutFeed,
        int validatorsImported,
        String notImported,
        Dialect from) {
    public ImportReport {
        feeds = List.copyOf(feeds);
        unsubscribed = List.copyOf(unsubscribed);
        unreadable = List.copyOf(unreadable);
        withoutFeed = List.copyOf(withoutFeed);
    }

    /**
     * One subscription's part.
     *
     * @param imported entries added to the store
     * @param updated entries the store had already (fetched, or imported before) that now count as
     *     first seen when the old planet first had them, earlier than the store had them
     * @param present entries of the cache the store already had as they are: nothing changed
     * @param stateImported whether the subscription was given the old planet's state of its feed
     *     (title, site, validators, gone, a failing last fetch); only a subscription the store had no
     *     row for is
     * @param gone the old planet's last fetch of the feed was answered 410 Gone
     * @param failure why the old planet's last fetch failed, when it did and that was imported
     * @param inCache whether the cache has anything of the feed: its {@code sources/} copy or entries
     */
    public record Feed(
            URI feedUri,
            int imported,
            int updated,
            int present,
            boolean stateImported,
            boolean gone,
            Optional<String> failure,
            boolean inCache) {}

    /**
     * Entries of a feed the config does not subscribe to.
     *
     * @param feed the feed's id, with its name or title
     * @param feedUri the feed's URL as its {@code rel="self"} link gives it, when http or https
     * @param name the name Venus's config gave it
     */
    public record Unsubscribed(String feed, Optional<URI> feedUri, Optional<String> name, int entries) {}

    /** A file that could not be read as an entry. */
    public record Unreadable(String file, String reason) {}

    public int imported() {
        return feeds.stream().mapToInt(Feed::imported).sum();
    }

    public int updated() {
        return feeds.stream().mapToInt(Feed::updated).sum();
    }

    /** Subscriptions given the old planet's state of their feed. */
    public int statesImported() {
        return (int) feeds.stream().filter(Feed::stateImported).count();
    }

    /** Whether the import changed nothing in the store: every entry and feed was there already. */
    public boolean changedNothing() {
        return imported() == 0 && updated() == 0 && statesImported() == 0;
    }

    public int present() {
        return feeds.stream().mapToInt(Feed::present).sum();
    }

    public int skipped() {
        return unsubscribed.stream().mapToInt(Unsubscribed::entries).sum() + withoutFeed.size();
    }
}
