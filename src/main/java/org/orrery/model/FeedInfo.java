package org.orrery.model;

import java.net.URI;
import java.util.Optional;

/**
 * What a subscription's feed says about itself (feed-level metadata), as last fetched.
 *
 * @param title the feed's title as plain text
 * @param siteLink absolute URL of the site the feed belongs to
 */
public record FeedInfo(Optional<String> title, Optional<URI> siteLink) {
    public static final FeedInfo UNKNOWN = new FeedInfo(Optional.empty(), Optional.empty());
}
