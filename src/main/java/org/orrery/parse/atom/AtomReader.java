package org.orrery.parse.atom;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import org.orrery.model.Enclosure;
import org.orrery.parse.text.PlainText;
import org.orrery.parse.xml.XmlBase;
import org.orrery.parse.xml.XmlCursor;

/**
 * Reads an Atom {@code <feed>} document into an {@link AtomFeed}: Atom 1.0 (RFC 4287), and
 * Atom 0.3 and its drafts, whose elements live in the namespace of the root element.
 */
final class AtomReader {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    // Media RSS's namespace; some feeds leave out the final slash.
    private static final Set<String> MEDIA_RSS =
            Set.of("http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss");

    private final XmlCursor cursor;
    private final String namespace;
    private final boolean atom10;

    /** What the feed has said so far: all of it once {@link #read} returns. */
    final AtomFeed feed;

    AtomReader(XmlCursor cursor) {
        this.cursor = cursor;
        this.namespace = cursor.namespace();
        this.atom10 = namespace.equals(ATOM);
        this.feed = new AtomFeed(atom10 ? "atom1.0" : "atom0.3");
    }

    /**
     * Reads the document from its root element, which the cursor is on, handing each entry to
     * {@code entries} as soon as it has been read.
     */
    AtomFeed read(Consumer<AtomEntry> entries) throws XMLStreamException {
        // Atom has no language element; the xml:lang in effect on the feed says it.
        feed.language = cursor.lang();
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            switch (atomName()) {
                case "id" -> feed.id = first(feed.id);
                case "title" -> feed.title = text(feed.title);
                // Atom 0.3 §4.2.7: tagline is 1.0's subtitle.
                case "subtitle", "tagline" -> feed.subtitle = text(feed.subtitle);
                case "link" -> link(feed.links, null);
                // Atom 0.3 §4.2.9: modified is 1.0's updated.
                case "updated", "modified" -> feed.updated = first(feed.updated);
                case "author" -> feed.author = person(feed.author);
                case "icon" -> feed.icon = url(feed.icon);
                case "logo" -> feed.logo = url(feed.logo);
                // Atom 0.3 §4.2.10: copyright is 1.0's rights.
                case "rights", "copyright" -> feed.rights = text(feed.rights);
                case "generator" -> feed.generator = feed.generator.isPresent() ? feed.generator : collapse();
                // Pre-1.0 drafts and some generators call entries items.
                case "entry", "item" -> entries.accept(entry());
                default -> cursor.skip();
            }
        }
        return feed;
    }

    private AtomEntry entry() throws XMLStreamException {
        AtomEntry entry = new AtomEntry();
        entry.language = cursor.lang();
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            String name = atomName();
            if (name.equals("title") || name.equals("content") || name.equals("summary")) {
                entry.language = entry.language.or(cursor::lang);
            }
            switch (name) {
                case "id" -> entry.id = first(entry.id);
                case "title" -> entry.title = text(entry.title);
                case "link" -> link(entry.links, entry);
                case "author" -> entry.author = person(entry.author);
                // Atom 0.3 §4.13.8: issued is when the entry was first published.
                case "published", "issued" -> entry.published = first(entry.published);
                case "updated", "modified" -> entry.updated = first(entry.updated);
                case "content" -> entry.content = text(entry.content);
                case "summary" -> entry.summary = text(entry.summary);
                case "rights", "copyright" -> entry.rights = text(entry.rights);
                case "category" -> {
                    // RFC 4287 §4.2.2.2: the term attribute is the category.
                    cursor.attribute("", "term").flatMap(PlainText::collapse).ifPresent(entry.categories::add);
                    cursor.skip();
                }
                default -> media(entry);
            }
        }
        return entry;
    }

    /**
     * Media RSS in an entry (YouTube's feeds): a {@code media:description}, alone or in a
     * {@code media:group}, is the entry's summary when it has no other; anything else is skipped.
     */
    private void media(AtomEntry entry) throws XMLStreamException {
        if (!MEDIA_RSS.contains(cursor.namespace())) {
            cursor.skip();
            return;
        }
        switch (cursor.localName()) {
            case "group" -> {
                int depth = cursor.depth();
                while (cursor.nextChild(depth)) {
                    media(entry);
                }
            }
            case "description" -> {
                URI base = cursor.base();
                // Media RSS §5: the type is "plain" (the default) or "html".
                boolean html = cursor.attribute("", "type")
                        .map(String::strip)
                        .filter("html"::equalsIgnoreCase)
                        .isPresent();
                String value = html ? cursor.markup(true) : cursor.text();
                AtomText text = new AtomText(html ? AtomText.Kind.HTML : AtomText.Kind.TEXT, value, base);
                entry.mediaDescription = entry.mediaDescription.or(() -> Optional.of(text));
            }
            default -> cursor.skip();
        }
    }

    /** The local name of an element of this feed's Atom; "" for foreign elements. */
    private String atomName() {
        return cursor.namespace().equals(namespace) ? cursor.localName() : "";
    }

    private Optional<String> first(Optional<String> current) throws XMLStreamException {
        String text = cursor.text().strip();
        return current.isPresent() || text.isEmpty() ? current : Optional.of(text);
    }

    /** An element whose text is a URL (RFC 4287 §4.2.5 icon, §4.2.8 logo), resolved; the first one wins. */
    private Optional<URI> url(Optional<URI> current) throws XMLStreamException {
        URI base = cursor.base();
        String text = cursor.text().strip();
        return current.isPresent() || text.isEmpty() ? current : XmlBase.resolve(base, text);
    }

    /** A link; an enclosure of {@code entry} too when its rel says so. */
    private void link(List<AtomLink> links, AtomEntry entry) throws XMLStreamException {
        URI base = cursor.base();
        // RFC 4287 §4.2.7.2: rel defaults to "alternate".
        String rel = cursor.attribute("", "rel").map(String::strip).orElse("alternate");
        Optional<String> type = cursor.attribute("", "type").map(String::strip).filter(t -> !t.isEmpty());
        Optional<String> length = cursor.attribute("", "length");
        Optional<String> hrefAttribute = cursor.attribute("", "href");
        // Pre-1.0 drafts wrote the URL as the element's text.
        String text = cursor.text();
        Optional<URI> href = hrefAttribute.or(() -> Optional.of(text)).flatMap(h -> XmlBase.resolve(base, h));
        if (href.isEmpty()) {
            return;
        }
        links.add(new AtomLink(rel, type, href.get()));
        if (entry != null && rel.equals("enclosure")) {
            entry.enclosures.add(new Enclosure(href.get(), type, Enclosure.length(length)));
        }
    }

    private Optional<AtomPerson> person(Optional<AtomPerson> current) throws XMLStreamException {
        Optional<String> name = Optional.empty();
        Optional<String> email = Optional.empty();
        Optional<String> uri = Optional.empty();
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            switch (atomName()) {
                case "name" -> name = name.isPresent() ? name : collapse();
                case "email" -> email = email.isPresent() ? email : collapse();
                // Atom 0.3 §3.2.2 called it url.
                case "uri", "url" -> uri = uri.isPresent() ? uri : collapse();
                default -> cursor.skip();
            }
        }
        if (current.isPresent() || (name.isEmpty() && email.isEmpty() && uri.isEmpty())) {
            return current;
        }
        return Optional.of(new AtomPerson(name, email, uri));
    }

    private Optional<String> collapse() throws XMLStreamException {
        return PlainText.collapse(cursor.text());
    }

    /** A text construct or content (RFC 4287 §3.1, §4.1.3); the first one read wins. */
    private Optional<AtomText> text(Optional<AtomText> current) throws XMLStreamException {
        URI base = cursor.base();
        String type = cursor.attribute("", "type")
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .orElse("text");
        // RFC 4287 §4.1.3.2: content with a src is out of line.
        if (cursor.attribute("", "src").isPresent()) {
            cursor.skip();
            return current;
        }
        // Atom 0.3 §3.1.2: mode is xml (the default), escaped or base64.
        String mode = atom10
                ? "xml"
                : cursor.attribute("", "mode")
                        .map(m -> m.strip().toLowerCase(Locale.ROOT))
                        .orElse("xml");
        AtomText.Kind kind =
                switch (type) {
                    case "text", "text/plain" -> AtomText.Kind.TEXT;
                    case "html", "text/html" -> AtomText.Kind.HTML;
                    case "xhtml", "application/xhtml+xml" -> AtomText.Kind.XHTML;
                    default -> type.startsWith("text/") ? AtomText.Kind.TEXT : null;
                };
        String value;
        if (kind == null) {
            // RFC 4287 §4.1.3.3: other XML media types are documents we do not show; any other
            // type is Base64, shown when it decodes to text (images and the like are not).
            if (type.endsWith("+xml") || type.endsWith("/xml")) {
                cursor.skip();
                return current;
            }
            Optional<String> decoded = base64Text(cursor.text());
            if (decoded.isEmpty()) {
                return current;
            }
            kind = AtomText.Kind.TEXT;
            value = decoded.get();
        } else if (mode.equals("base64")) {
            value = base64(cursor.text());
        } else if (mode.equals("escaped")) {
            value = cursor.text();
        } else if (kind == AtomText.Kind.TEXT && !atom10) {
            // Atom 0.3 text in xml mode may carry inline markup, which readers show as HTML.
            kind = AtomText.Kind.HTML;
            value = cursor.markup(false);
        } else {
            value = switch (kind) {
                case XHTML -> xhtml();
                case HTML -> cursor.markupWithoutXhtmlDiv(true);
                case TEXT -> cursor.text();
            };
        }
        return current.isPresent() ? current : Optional.of(new AtomText(kind, value, base));
    }

    /** Base64 that decodes to UTF-8 text without control characters; empty for anything else. */
    private static Optional<String> base64Text(String text) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(text.strip());
            String decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            boolean control = decoded.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
            return control ? Optional.empty() : Optional.of(decoded);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private String base64(String text) {
        try {
            return new String(Base64.getMimeDecoder().decode(text.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            cursor.warn("kept undecodable base64 text as written");
            return text;
        }
    }

    private String xhtml() throws XMLStreamException {
        if (!atom10) {
            // Atom 0.3 has no wrapping div: the markup is the content.
            return cursor.markup(false);
        }
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
