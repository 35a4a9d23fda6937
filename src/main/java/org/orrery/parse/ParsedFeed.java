package org.orrery.parse;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.orrery.model.FeedCredits;

/**
 * Everything readable in one feed document, before sanitising.
 *
 * @param format the detected format: {@code rss2.0}, {@code rss1.0}, {@code rss0.9}, {@code
 *     atom1.0}, {@code atom0.3}, {@code json1.0}, {@code json1.1}, {@code cdf}
 * @param title the feed's title as plain text (entities decoded, markup removed)
 * @param link absolute URL of the site (the alternate link)
 * @param subtitle the feed's description/subtitle as plain text
 * @param language the declared language, as written
 * @param updated the feed's own last-updated time
 * @param entries entries in document order
 * @param warnings what was wrong with the document but read past (our "bozo")
 * @param id the feed's own id (Atom {@code id}), as written
 * @param author the feed's author's name, else e-mail
 * @param credits the feed's icon, logo, rights and generator
 */
public record ParsedFeed(
        String format,
        Optional<String> title,
        Optional<URI> link,
        Optional<String> subtitle,
        Optional<String> language,
        Optional<Instant> updated,
        List<ParsedEntry> entries,
        List<String> warnings,
        Optional<String> id,
        Optional<String> author,
        FeedCredits credits) {
    public ParsedFeed {
        Objects.requireNonNull(format, "format");
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(credits, "credits");
    }

    /** A feed that names no icon, logo, rights or generator. */
    public ParsedFeed(
            String format,
            Optional<String> title,
            Optional<URI> link,
            Optional<String> subtitle,
            Optional<String> language,
            Optional<Instant> updated,
            List<ParsedEntry> entries,
            List<String> warnings,
            Optional<String> id,
            Optional<String> author) {
        this(format, title, link, subtitle, language, updated, entries, warnings, id, author, FeedCredits.NONE);
    }

    /** A feed without an id or author. */
    public ParsedFeed(
            String format,
            Optional<String> title,
            Optional<URI> link,
            Optional<String> subtitle,
            Optional<String> language,
            Optional<Instant> updated,
            List<ParsedEntry> entries,
            List<String> warnings) {
        this(
                format,
                title,
                link,
                subtitle,
                language,
                updated,
                entries,
                warnings,
                Optional.empty(),
                Optional.empty(),
                FeedCredits.NONE);
    }
}
