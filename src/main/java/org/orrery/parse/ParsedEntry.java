package org.orrery.parse;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.orrery.model.Enclosure;
import org.orrery.model.EntryDetails;

/**
 * One item of a feed as the document states it, before identity, sanitising and date
 * decisions.
 *
 * @param id the guid / atom:id as given, trimmed
 * @param title plain text, entities decoded, markup removed, whitespace collapsed
 * @param link absolute URL of the entry's alternate link
 * @param author a person's name; the e-mail only when there is no name
 * @param published {@code pubDate}, {@code dcterms:issued}, Atom {@code published} ({@code issued})
 * @param updated Atom {@code updated} ({@code modified}), {@code dcterms:modified}, {@code dc:date}
 * @param content the fullest body: {@code content:encoded}, Atom {@code content}
 * @param summary RSS {@code description}, Atom {@code summary}
 * @param categories category terms in document order
 * @param enclosures attached files in document order
 * @param details the author's e-mail, the entry's language and the like, as far as read
 */
public record ParsedEntry(
        Optional<String> id,
        Optional<String> title,
        Optional<URI> link,
        Optional<String> author,
        Optional<Instant> published,
        Optional<Instant> updated,
        Optional<Html> content,
        Optional<Html> summary,
        List<String> categories,
        List<Enclosure> enclosures,
        EntryDetails details) {
    public ParsedEntry {
        categories = List.copyOf(categories);
        enclosures = List.copyOf(enclosures);
        java.util.Objects.requireNonNull(details, "details");
    }

    /** An entry of which nothing beyond these fields was read. */
    public ParsedEntry(
            Optional<String> id,
            Optional<String> title,
            Optional<URI> link,
            Optional<String> author,
            Optional<Instant> published,
            Optional<Instant> updated,
            Optional<Html> content,
            Optional<Html> summary,
            List<String> categories,
            List<Enclosure> enclosures) {
        this(id, title, link, author, published, updated, content, summary, categories, enclosures, EntryDetails.NONE);
    }
}
