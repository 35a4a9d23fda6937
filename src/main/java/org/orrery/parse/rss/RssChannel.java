package org.orrery.parse.rss;

import java.net.URI;
import java.util.Optional;

/** What an RSS channel said, as read: text as written, links resolved, dates unparsed; items aside. */
final class RssChannel {
    String format;
    final Candidates<String> title = Candidates.text("title", "dc:title");
    Optional<URI> link = Optional.empty();
    Optional<URI> atomLink = Optional.empty();
    final Candidates<String> description =
            Candidates.text("description", "dc:description", "itunes:subtitle", "itunes:summary");
    Optional<String> language = Optional.empty();
    Optional<String> lang = Optional.empty();
    final Candidates<String> updated = Candidates.text(
            "lastbuilddate", "dc:date", "dcterms:modified", "atom:updated", "updated", "pubdate", "dcterms:issued");

    final Candidates<String> rights = Candidates.text("copyright", "dc:rights", "dcterms:rights");
    Optional<String> generator = Optional.empty();
    /** The channel's {@code image}'s {@code url}, resolved (Venus's logo). */
    Optional<URI> image = Optional.empty();

    RssChannel(String format) {
        this.format = format;
    }
}
