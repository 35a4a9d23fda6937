package org.orrery.parse.rss;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What an RSS channel said, as read: text as written, links resolved, dates unparsed. */
final class RssChannel {
    String format;
    Optional<String> title = Optional.empty();
    Optional<URI> link = Optional.empty();
    Optional<String> description = Optional.empty();
    Optional<String> language = Optional.empty();
    Optional<String> lastBuildDate = Optional.empty();
    Optional<String> dcDate = Optional.empty();
    final List<RssItem> items = new ArrayList<>();

    RssChannel(String format) {
        this.format = format;
    }
}
