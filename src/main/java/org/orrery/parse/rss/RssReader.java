package org.orrery.parse.rss;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import org.orrery.model.Enclosure;
import org.orrery.parse.Html;
import org.orrery.parse.xml.XmlBase;
import org.orrery.parse.xml.XmlCursor;
import org.orrery.sanitize.Escape;

/**
 * Reads an {@code <rss>} or {@code <rdf:RDF>} document into an {@link RssChannel}. RSS's own
 * element names are matched ignoring case, as feedparser and iTunes do; where several elements
 * say the same thing, the first of the preferred one wins (see {@link RssAdapter}).
 */
final class RssReader {
    private final XmlCursor cursor;
    private final Consumer<RssItem> items;

    /** A reader that hands each item to {@code items} as soon as it has been read. */
    RssReader(XmlCursor cursor, Consumer<RssItem> items) {
        this.cursor = cursor;
        this.items = items;
    }

    /** Reads the document from its root element, which the cursor is on. */
    RssChannel read() throws XMLStreamException {
        boolean rdf = cursor.localName().equals("RDF");
        String format = rdf ? "rss1.0" : versionFormat(cursor.attribute("", "version"));
        if (rdf && cursor.namespaceOf("").filter(RssNames.RSS_090::equals).isPresent()) {
            format = "rss0.9";
        }
        RssChannel channel = new RssChannel(format);
        channel.lang = cursor.lang();
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            if (rdf && cursor.namespace().equals(RssNames.RSS_090)) {
                channel.format = "rss0.9";
            }
            switch (key()) {
                case "channel" -> channel(channel);
                // RSS 1.0 §5.5: items are siblings of the channel; some RSS 2.0 feeds do it too.
                case "item" -> items.accept(item());
                // RSS 1.0 §5.4: so is the channel's image.
                case "image" -> channel.image = image(channel.image);
                default -> cursor.skip();
            }
        }
        return channel;
    }

    private void channel(RssChannel channel) throws XMLStreamException {
        channel.lang = channel.lang.or(cursor::lang);
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            URI base = cursor.base();
            String key = key();
            switch (key) {
                case "title", "dc:title" -> channel.title.offer(key, cursor.text());
                case "link" -> channel.link = firstLink(channel.link, base, linkText());
                case "atom:link" -> channel.atomLink = atomLink(channel.atomLink, base, null);
                case "description", "dc:description", "itunes:subtitle", "itunes:summary" ->
                    channel.description.offer(key, cursor.text());
                case "language", "dc:language" -> channel.language = first(channel.language, cursor.text());
                case "lastbuilddate",
                        "dc:date",
                        "dcterms:modified",
                        "atom:updated",
                        "updated",
                        "pubdate",
                        "dcterms:issued" -> channel.updated.offer(key, cursor.text());
                case "copyright", "dc:rights", "dcterms:rights" -> channel.rights.offer(key, cursor.text());
                case "generator" -> channel.generator = first(channel.generator, cursor.text());
                case "image" -> channel.image = image(channel.image);
                case "item" -> items.accept(item());
                default -> cursor.skip();
            }
        }
    }

    private RssItem item() throws XMLStreamException {
        RssItem item = new RssItem();
        // RSS 1.0 §5.5: rdf:about is the item's URI; feedparser takes it as the id.
        item.about = cursor.attribute(RssNames.RDF, "about").flatMap(RssReader::nonBlank);
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            URI base = cursor.base();
            String key = key();
            switch (key) {
                case "title", "dc:title", "media:title" -> item.title.offer(key, cursor.text());
                case "link" ->
                    // An Atom-style link written without Atom's namespace: its rel counts.
                    item.link = cursor.attribute("", "rel").isPresent()
                                    && cursor.attribute("", "href").isPresent()
                            ? atomLink(item.link, base, item)
                            : firstLink(item.link, base, linkText());
                case "atom:link" -> item.atomLink = atomLink(item.atomLink, base, item);
                case "feedburner:origLink" -> item.origLink = firstLink(item.origLink, base, cursor.text());
                case "description", "dc:description", "summary", "itunes:summary" ->
                    item.description.offer(key, html(base));
                case "media:description" -> item.description.offer(key, text(base));
                case "media:group" -> mediaGroup(item);
                case "content:encoded", "fullitem" -> item.encoded.offer(key, html(base));
                // An inline XHTML body: elements are markup, text is text.
                case "body", "xhtml:body" -> item.encoded.offer(key, new Html(cursor.markup(false), base));
                case "guid" -> guid(item, base);
                case "atom:id", "id" -> item.atomId = first(item.atomId, cursor.text());
                case "author", "dc:creator", "dc:author", "itunes:author" -> item.author.offer(key, cursor.text());
                case "pubdate", "dcterms:issued", "atom:published" -> item.published.offer(key, cursor.text());
                case "dcterms:modified", "atom:updated", "updated", "dc:date" ->
                    item.modified.offer(key, cursor.text());
                // A category is a term: markup some feeds nest in it (an image) is not part of it.
                case "category", "dc:subject", "media:category" ->
                    nonBlank(cursor.ownText()).ifPresent(item.categories::add);
                case "dc:rights", "dcterms:rights", "copyright" -> item.rights.offer(key, cursor.text());
                case "itunes:category" -> itunesCategory(item.categories);
                case "tags" -> tags(item.categories);
                case "enclosure" -> enclosure(item, base);
                default -> cursor.skip();
            }
        }
        return item;
    }

    /**
     * RSS 2.0 {@code image}: its {@code url}, resolved; the first one read wins. (RSS 1.0's
     * channel names its image with an {@code rdf:resource} and has no {@code url}.)
     */
    private Optional<URI> image(Optional<URI> current) throws XMLStreamException {
        Optional<URI> url = Optional.empty();
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            URI base = cursor.base();
            if (key().equals("url") && url.isEmpty()) {
                url = XmlBase.resolve(base, cursor.text().strip());
            } else {
                cursor.skip();
            }
        }
        return current.isPresent() ? current : url;
    }

    /** Media RSS §2: a group of alternative media objects, with their shared metadata. */
    private void mediaGroup(RssItem item) throws XMLStreamException {
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            URI base = cursor.base();
            String key = key();
            switch (key) {
                case "media:title" -> item.title.offer(key, cursor.text());
                case "media:description" -> item.description.offer(key, text(base));
                case "media:category" -> nonBlank(cursor.text()).ifPresent(item.categories::add);
                default -> cursor.skip();
            }
        }
    }

    /** Plain text as HTML; Media RSS descriptions are plain unless their type says html. */
    private Html text(URI base) throws XMLStreamException {
        boolean html = cursor.attribute("", "type")
                .map(String::strip)
                .filter("html"::equalsIgnoreCase)
                .isPresent();
        return new Html(html ? cursor.markup(true) : Escape.text(cursor.text()), base);
    }

    /** iTunes categories are in a {@code text} attribute and nest (Podcasts Connect spec). */
    private void itunesCategory(List<String> categories) throws XMLStreamException {
        cursor.attribute("", "text").flatMap(RssReader::nonBlank).ifPresent(categories::add);
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            if (key().equals("itunes:category")) {
                itunesCategory(categories);
            } else {
                cursor.skip();
            }
        }
    }

    /** An undocumented but common {@code <tags>a, b</tags>}: comma-separated terms. */
    private void tags(List<String> categories) throws XMLStreamException {
        for (String tag : cursor.text().split(",")) {
            nonBlank(tag).ifPresent(categories::add);
        }
    }

    private void enclosure(RssItem item, URI base) throws XMLStreamException {
        Optional<String> type = cursor.attribute("", "type").map(String::strip).filter(t -> !t.isEmpty());
        OptionalLong length = Enclosure.length(cursor.attribute("", "length"));
        Optional<URI> url = cursor.attribute("", "url").flatMap(u -> XmlBase.resolve(base, u));
        cursor.skip();
        url.ifPresent(u -> item.enclosures.add(new Enclosure(u, type, length)));
    }

    /** An Atom link in RSS: the alternate one is kept, an enclosure becomes one of {@code item}. */
    private Optional<URI> atomLink(Optional<URI> current, URI base, RssItem item) throws XMLStreamException {
        // RFC 4287 §4.2.7.2: rel defaults to "alternate".
        String rel = cursor.attribute("", "rel").map(String::strip).orElse("alternate");
        Optional<String> type = cursor.attribute("", "type").map(String::strip).filter(t -> !t.isEmpty());
        OptionalLong length = Enclosure.length(cursor.attribute("", "length"));
        Optional<URI> href = cursor.attribute("", "href").flatMap(h -> XmlBase.resolve(base, h));
        cursor.skip();
        if (href.isPresent() && item != null && rel.equals("enclosure")) {
            item.enclosures.add(new Enclosure(href.get(), type, length));
        }
        return current.isPresent() || !rel.equals("alternate") ? current : href;
    }

    private void guid(RssItem item, URI base) throws XMLStreamException {
        // RSS 2.0 "guid": isPermaLink defaults to true.
        boolean permaLink = !cursor.attribute("", "isPermaLink")
                .map(String::strip)
                .orElse("true")
                .equalsIgnoreCase("false");
        Optional<String> guid = nonBlank(cursor.text());
        if (guid.isEmpty() || item.guid.isPresent()) {
            return;
        }
        item.guid = guid;
        String lower = guid.get().toLowerCase(Locale.ROOT);
        if (permaLink && (lower.startsWith("http://") || lower.startsWith("https://"))) {
            item.guidLink = XmlBase.resolve(base, guid.get());
        }
    }

    /** A link's URL: its text, or an Atom-style href some RSS feeds write instead. */
    private String linkText() throws XMLStreamException {
        Optional<String> href = cursor.attribute("", "href");
        String text = cursor.text();
        return text.isBlank() ? href.orElse(text) : text;
    }

    private Html html(URI base) throws XMLStreamException {
        return new Html(cursor.markup(true), base);
    }

    /**
     * The element's name as a switch key: RSS's own in lower case and bare, modules' with their
     * usual prefix ("dc:date").
     */
    private String key() {
        String prefix = RssNames.prefix(cursor.namespace());
        return prefix.isEmpty() ? cursor.localName().toLowerCase(Locale.ROOT) : prefix + cursor.localName();
    }

    /** RSS 0.91 to 0.94 are one family, "rss0.9"; anything else (2.0, none) reads as 2.0. */
    private static String versionFormat(Optional<String> version) {
        String v = version.map(String::strip).orElse("");
        return v.startsWith("0.9") ? "rss0.9" : "rss2.0";
    }

    private static Optional<String> first(Optional<String> current, String text) {
        return current.isPresent() ? current : nonBlank(text);
    }

    private static Optional<URI> firstLink(Optional<URI> current, URI base, String text) {
        return current.isPresent() ? current : XmlBase.resolve(base, text);
    }

    static Optional<String> nonBlank(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }
}
