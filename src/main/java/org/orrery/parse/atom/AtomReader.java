package org.orrery.parse.atom;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.orrery.parse.text.PlainText;
import org.orrery.parse.xml.XmlBase;
import org.orrery.parse.xml.XmlCursor;

/** Reads an Atom 1.0 {@code <feed>} document into an {@link AtomFeed}. */
final class AtomReader {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private final XmlCursor cursor;

    AtomReader(XmlCursor cursor) {
        this.cursor = cursor;
    }

    /** Reads the document from its root element, which the cursor is on. */
    AtomFeed read() throws XMLStreamException {
        AtomFeed feed = new AtomFeed();
        // Atom has no language element; the xml:lang in effect on the feed says it.
        feed.language = cursor.lang();
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            switch (atomName()) {
                case "title" -> feed.title = text(feed.title);
                case "subtitle" -> feed.subtitle = text(feed.subtitle);
                case "link" -> link(feed.links);
                case "updated" -> feed.updated = first(feed.updated);
                case "author" -> feed.author = person(feed.author);
                case "entry" -> feed.entries.add(entry());
                default -> cursor.skip();
            }
        }
        return feed;
    }

    private AtomEntry entry() throws XMLStreamException {
        AtomEntry entry = new AtomEntry();
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            switch (atomName()) {
                case "id" -> entry.id = first(entry.id);
                case "title" -> entry.title = text(entry.title);
                case "link" -> link(entry.links);
                case "author" -> entry.author = person(entry.author);
                case "published" -> entry.published = first(entry.published);
                case "updated" -> entry.updated = first(entry.updated);
                case "content" -> entry.content = text(entry.content);
                case "summary" -> entry.summary = text(entry.summary);
                case "category" -> {
                    // RFC 4287 §4.2.2.2: the term attribute is the category.
                    cursor.attribute("", "term").flatMap(PlainText::collapse).ifPresent(entry.categories::add);
                    cursor.skip();
                }
                default -> cursor.skip();
            }
        }
        return entry;
    }

    /** The local name of an Atom element; "" for foreign elements, which are skipped. */
    private String atomName() {
        return cursor.namespace().equals(ATOM) ? cursor.localName() : "";
    }

    private Optional<String> first(Optional<String> current) throws XMLStreamException {
        String text = cursor.text().strip();
        return current.isPresent() || text.isEmpty() ? current : Optional.of(text);
    }

    private void link(List<AtomLink> links) throws XMLStreamException {
        URI base = cursor.base();
        // RFC 4287 §4.2.7.2: rel defaults to "alternate".
        String rel = cursor.attribute("", "rel").map(String::strip).orElse("alternate");
        Optional<String> type = cursor.attribute("", "type").map(String::strip);
        Optional<URI> href = cursor.attribute("", "href").flatMap(h -> XmlBase.resolve(base, h));
        cursor.skip();
        href.ifPresent(uri -> links.add(new AtomLink(rel, type, uri)));
    }

    private Optional<AtomPerson> person(Optional<AtomPerson> current) throws XMLStreamException {
        Optional<String> name = Optional.empty();
        Optional<String> email = Optional.empty();
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            switch (atomName()) {
                case "name" -> name = name.isPresent() ? name : collapse();
                case "email" -> email = email.isPresent() ? email : collapse();
                default -> cursor.skip();
            }
        }
        if (current.isPresent() || (name.isEmpty() && email.isEmpty())) {
            return current;
        }
        return Optional.of(new AtomPerson(name, email));
    }

    private Optional<String> collapse() throws XMLStreamException {
        return PlainText.collapse(cursor.text());
    }

    /** A text construct or content (RFC 4287 §3.1, §4.1.3); the first one read wins. */
    private Optional<AtomText> text(Optional<AtomText> current) throws XMLStreamException {
        URI base = cursor.base();
        String type = cursor.attribute("", "type")
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .orElse("text");
        AtomText.Kind kind =
                switch (type) {
                    case "text", "text/plain" -> AtomText.Kind.TEXT;
                    case "html", "text/html" -> AtomText.Kind.HTML;
                    case "xhtml", "application/xhtml+xml" -> AtomText.Kind.XHTML;
                    default -> type.startsWith("text/") ? AtomText.Kind.TEXT : null;
                };
        // RFC 4287 §4.1.3.2: content with a src is out of line; other media types are Base64 or
        // XML documents, neither of which we show.
        if (kind == null || cursor.attribute("", "src").isPresent()) {
            cursor.skip();
            return current;
        }
        String value = kind == AtomText.Kind.XHTML ? xhtml() : cursor.text();
        return current.isPresent() ? current : Optional.of(new AtomText(kind, value, base));
    }

    private String xhtml() throws XMLStreamException {
        StringBuilder html = new StringBuilder();
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            // RFC 4287 §3.1.1.3: the content is one xhtml div, which is not part of it.
            if (cursor.namespace().equals(XHTML) && cursor.localName().equals("div")) {
                html.append(cursor.markup(false));
            } else {
                html.append(cursor.outerMarkup(false));
            }
        }
        return html.toString();
    }
}
