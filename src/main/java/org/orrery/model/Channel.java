package org.orrery.model;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A subscription as published: its display name, where its feed and site are, and how its
 * last refresh went.
 *
 * @param feedUri the configured feed URL
 * @param name the configured name, else the feed's title, else the feed URL
 * @param siteLink the site the feed belongs to, when known
 * @param lastFetched when the feed was last fetched successfully (200 or 304)
 * @param lastError the last refresh's failure in words, when it failed
 * @param message what a reader should know about the subscription, Venus's {@code message}
 *     ("HTTP 404 Not Found", "no activity in 180 days", ...), when anything
 * @param options the subscription's config options (templates see them as channel_<key>)
 * @param feed what the feed said about itself when last fetched (id, subtitle, author, ...)
 */
public record Channel(
        URI feedUri,
        String name,
        Optional<URI> siteLink,
        Optional<Instant> lastFetched,
        Optional<String> lastError,
        Optional<String> message,
        Map<String, String> options,
        FeedInfo feed) {
    public Channel {
        Objects.requireNonNull(feedUri, "feedUri");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
        options = Map.copyOf(options);
        Objects.requireNonNull(feed, "feed");
    }

    /** A channel whose feed has said nothing about itself (not fetched yet). */
    public Channel(
            URI feedUri,
            String name,
            Optional<URI> siteLink,
            Optional<Instant> lastFetched,
            Optional<String> lastError,
            Optional<String> message,
            Map<String, String> options) {
        this(feedUri, name, siteLink, lastFetched, lastError, message, options, FeedInfo.UNKNOWN);
    }

    public Channel withMessage(Optional<String> message) {
        return new Channel(feedUri, name, siteLink, lastFetched, lastError, message, options, feed);
    }
}
