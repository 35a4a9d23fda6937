package org.orrery.parse.rss;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orrery.parse.Enclosure;
import org.orrery.parse.Html;

/** What an RSS item said, as read: text as written, links resolved, dates unparsed. */
final class RssItem {
    Optional<String> about = Optional.empty();
    Optional<String> guid = Optional.empty();
    Optional<URI> guidLink = Optional.empty();
    Optional<String> title = Optional.empty();
    Optional<URI> link = Optional.empty();
    Optional<String> author = Optional.empty();
    Optional<String> creator = Optional.empty();
    Optional<String> pubDate = Optional.empty();
    Optional<String> dcDate = Optional.empty();
    Optional<String> modified = Optional.empty();
    Optional<Html> description = Optional.empty();
    Optional<Html> encoded = Optional.empty();
    final List<String> categories = new ArrayList<>();
    final List<Enclosure> enclosures = new ArrayList<>();
}
