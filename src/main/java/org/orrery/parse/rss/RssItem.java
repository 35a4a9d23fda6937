package org.orrery.parse.rss;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orrery.model.Enclosure;
import org.orrery.parse.Html;

/** What an RSS item said, as read: text as written, links resolved, dates unparsed. */
final class RssItem {
    Optional<String> about = Optional.empty();
    Optional<String> guid = Optional.empty();
    Optional<String> atomId = Optional.empty();
    Optional<URI> guidLink = Optional.empty();
    final Candidates<String> title = Candidates.text("title", "dc:title", "media:title");
    Optional<URI> link = Optional.empty();
    Optional<URI> atomLink = Optional.empty();
    Optional<URI> origLink = Optional.empty();
    final Candidates<String> author = Candidates.text("author", "dc:creator", "dc:author", "itunes:author");
    final Candidates<String> published = Candidates.text("pubdate", "dcterms:issued", "atom:published");
    // Dublin Core's date is the item's last change (DCMI: "associated with an event"), as
    // feedparser reads it.
    final Candidates<String> modified = Candidates.text("atom:updated", "updated", "dcterms:modified", "dc:date");
    final Candidates<Html> description = new Candidates<>(
            h -> !h.html().isBlank(),
            "description",
            "dc:description",
            "summary",
            "itunes:summary",
            "media:description");
    final Candidates<Html> encoded =
            new Candidates<>(h -> !h.html().isBlank(), "content:encoded", "body", "xhtml:body", "fullitem");
    final Candidates<String> rights = Candidates.text("dc:rights", "dcterms:rights", "copyright");
    final List<String> categories = new ArrayList<>();
    final List<Enclosure> enclosures = new ArrayList<>();
}
