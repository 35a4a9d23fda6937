package org.orrery.model;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of a feed after normalising, ready to store; its bodies are sanitised when published.
 *
 * @param key identity within its subscription: the feed's id/guid, else the link, else a hash
 *     of title and date
 * @param title plain text, entities decoded; may be empty
 * @param link absolute URL of the post, when the feed gives one
 * @param author the author's name as the feed gives it, when it does
 * @param published when the post was published, if the feed says
 * @param updated when the post was last changed, if the feed says
 * @param contentHtml HTML of the fullest body as the feed gave it (sanitised only on the way
 *     out, by {@code sanitize.BodyGate}); may be empty
 * @param summaryHtml HTML of a summary distinct from the content, as the feed gave it
 * @param categories category terms in document order
 * @param enclosures attached files (podcasts' audio, {@code media:content} images), http or
 *     https, in document order
 * @param base the URL the bodies' relative URLs resolve against ({@code xml:base}, else the
 *     document's URL); empty for bodies whose URLs are all absolute (those an older Orrery
 *     stored sanitised), which resolve against the feed's URL
 * @param details author e-mail and URI, language, rights, as far as the feed gives them
 */
public record Entry(
        String key,
        String title,
        Optional<URI> link,
        Optional<String> author,
        Optional<Instant> published,
        Optional<Instant> updated,
        String contentHtml,
        Optional<String> summaryHtml,
        List<String> categories,
        List<Enclosure> enclosures,
        Optional<URI> base,
        EntryDetails details) {
    public Entry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(contentHtml, "contentHtml");
        categories = List.copyOf(categories);
        enclosures = List.copyOf(enclosures);
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(details, "details");
    }

    /** An entry of which nothing beyond the river's fields is known. */
    public Entry(
            String key,
            String title,
            Optional<URI> link,
            Optional<String> author,
            Optional<Instant> published,
            Optional<Instant> updated,
            String contentHtml,
            Optional<String> summaryHtml,
            List<String> categories,
            List<Enclosure> enclosures,
            Optional<URI> base) {
        this(
                key,
                title,
                link,
                author,
                published,
                updated,
                contentHtml,
                summaryHtml,
                categories,
                enclosures,
                base,
                EntryDetails.NONE);
    }

    /** An entry whose bodies' URLs resolve against its feed's URL. */
    public Entry(
            String key,
            String title,
            Optional<URI> link,
            Optional<String> author,
            Optional<Instant> published,
            Optional<Instant> updated,
            String contentHtml,
            Optional<String> summaryHtml,
            List<String> categories,
            List<Enclosure> enclosures) {
        this(
                key,
                title,
                link,
                author,
                published,
                updated,
                contentHtml,
                summaryHtml,
                categories,
                enclosures,
                Optional.empty());
    }

    /** This entry with another title. */
    public Entry withTitle(String title) {
        return new Entry(
                key,
                title,
                link,
                author,
                published,
                updated,
                contentHtml,
                summaryHtml,
                categories,
                enclosures,
                base,
                details);
    }

    /** This entry with other bodies. */
    public Entry withBodies(String contentHtml, Optional<String> summaryHtml) {
        return new Entry(
                key,
                title,
                link,
                author,
                published,
                updated,
                contentHtml,
                summaryHtml,
                categories,
                enclosures,
                base,
                details);
    }

    /** This entry with other dates. */
    public Entry withDates(Optional<Instant> published, Optional<Instant> updated) {
        return new Entry(
                key,
                title,
                link,
                author,
                published,
                updated,
                contentHtml,
                summaryHtml,
                categories,
                enclosures,
                base,
                details);
    }
}
