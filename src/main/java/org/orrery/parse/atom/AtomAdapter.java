package org.orrery.parse.atom;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import org.orrery.model.EntryDetails;
import org.orrery.model.FeedCredits;
import org.orrery.parse.ParsedEntry;
import org.orrery.parse.ParsedFeed;
import org.orrery.parse.dates.FeedDates;
import org.orrery.parse.xml.XmlBase;
import org.orrery.parse.xml.XmlCursor;

/** Reads an Atom 1.0 or 0.3 document and maps its feed and entries onto {@link ParsedFeed}. */
public final class AtomAdapter {
    /** The Atom 1.0 namespace (RFC 4287 §2). */
    public static final String NAMESPACE = AtomReader.ATOM;

    private AtomAdapter() {}

    /**
     * Reads the document whose root element ({@code atom:feed}) the cursor is on, handing each
     * entry to {@code entries} as soon as it has been read; the feed returned has none. Entries
     * inherit the feed's author only when it comes before them, as it does in practice.
     */
    public static ParsedFeed read(XmlCursor cursor, Consumer<ParsedEntry> entries) throws XMLStreamException {
        List<String> entryWarnings = new ArrayList<>();
        int[] count = {0};
        AtomReader reader = new AtomReader(cursor);
        AtomFeed feed = reader.feed;
        reader.read(entry -> entries.accept(entry(entry, feed.author, "entry " + ++count[0], entryWarnings)));
        List<String> warnings = new ArrayList<>(cursor.warnings());
        warnings.addAll(entryWarnings);
        return new ParsedFeed(
                feed.format,
                feed.title.flatMap(AtomText::plain),
                AtomLink.alternate(feed.links).or(() -> idAsLink(feed.id)),
                feed.subtitle.flatMap(AtomText::plain),
                // "en_US" is a common misspelling of the language tag "en-US" (RFC 5646).
                feed.language.map(l -> l.replace('_', '-')),
                FeedDates.parse(feed.updated, "feed", warnings),
                List.of(),
                warnings,
                feed.id,
                feed.author.flatMap(AtomPerson::display),
                new FeedCredits(feed.icon, feed.logo, feed.rights.flatMap(AtomText::plain), feed.generator));
    }

    /** An http(s) id is the address of its entry when no link says otherwise, as in RSS. */
    private static Optional<URI> idAsLink(Optional<String> id) {
        return id.filter(i -> {
                    String lower = i.toLowerCase(Locale.ROOT);
                    return lower.startsWith("http://") || lower.startsWith("https://");
                })
                .flatMap(i -> XmlBase.resolve(URI.create("http://invalid/"), i));
    }

    private static ParsedEntry entry(
            AtomEntry entry, Optional<AtomPerson> feedAuthor, String where, List<String> warnings) {
        // RFC 4287 §4.2.1: an entry without an author has the feed's.
        Optional<AtomPerson> author = entry.author.or(() -> feedAuthor);
        return new ParsedEntry(
                entry.id,
                entry.title.flatMap(AtomText::plain),
                AtomLink.alternate(entry.links).or(() -> idAsLink(entry.id)),
                author.flatMap(AtomPerson::display),
                FeedDates.parse(entry.published, where, warnings),
                FeedDates.parse(entry.updated, where, warnings),
                entry.content.flatMap(AtomText::html),
                entry.summary.flatMap(AtomText::html).or(() -> entry.mediaDescription.flatMap(AtomText::html)),
                entry.categories,
                entry.enclosures,
                new EntryDetails(
                        author.flatMap(AtomPerson::email),
                        author.flatMap(AtomPerson::uri),
                        entry.language.map(l -> l.replace('_', '-')),
                        entry.rights.flatMap(AtomText::plain)));
    }
}
