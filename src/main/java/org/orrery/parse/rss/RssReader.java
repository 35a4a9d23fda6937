package org.orrery.parse.rss;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import javax.xml.stream.XMLStreamException;
import org.orrery.parse.Enclosure;
import org.orrery.parse.Html;
import org.orrery.parse.xml.XmlBase;
import org.orrery.parse.xml.XmlCursor;

/** Reads an {@code <rss>} or {@code <rdf:RDF>} document into an {@link RssChannel}. */
final class RssReader {
    private final XmlCursor cursor;

    RssReader(XmlCursor cursor) {
        this.cursor = cursor;
    }

    /** Reads the document from its root element, which the cursor is on. */
    RssChannel read() throws XMLStreamException {
        boolean rdf = cursor.localName().equals("RDF");
        RssChannel channel = new RssChannel(rdf ? "rss1.0" : versionFormat(cursor.attribute("", "version")));
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            if (rdf && cursor.namespace().equals(RssNames.RSS_090)) {
                channel.format = "rss0.9";
            }
            switch (key()) {
                case "channel" -> channel(channel);
                // RSS 1.0 §5.5: items are siblings of the channel; some RSS 2.0 feeds do it too.
                case "item" -> channel.items.add(item());
                default -> cursor.skip();
            }
        }
        return channel;
    }

    private void channel(RssChannel channel) throws XMLStreamException {
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            URI base = cursor.base();
            switch (key()) {
                case "title" -> channel.title = first(channel.title, cursor.text());
                case "link" -> channel.link = firstLink(channel.link, base, cursor.text());
                case "description" -> channel.description = first(channel.description, cursor.text());
                case "language", "dc:language" -> channel.language = first(channel.language, cursor.text());
                case "lastBuildDate" -> channel.lastBuildDate = first(channel.lastBuildDate, cursor.text());
                case "dc:date" -> channel.dcDate = first(channel.dcDate, cursor.text());
                case "item" -> channel.items.add(item());
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
            switch (key()) {
                case "title" -> item.title = first(item.title, cursor.text());
                case "link" -> item.link = firstLink(item.link, base, cursor.text());
                case "description" -> item.description = html(item.description, base);
                case "content:encoded" -> item.encoded = html(item.encoded, base);
                case "guid" -> guid(item, base);
                case "author" -> item.author = first(item.author, cursor.text());
                case "dc:creator" -> item.creator = first(item.creator, cursor.text());
                case "pubDate" -> item.pubDate = first(item.pubDate, cursor.text());
                case "dc:date" -> item.dcDate = first(item.dcDate, cursor.text());
                case "dcterms:modified" -> item.modified = first(item.modified, cursor.text());
                case "category", "dc:subject" -> nonBlank(cursor.text()).ifPresent(item.categories::add);
                case "enclosure" -> enclosure(item, base);
                default -> cursor.skip();
            }
        }
        return item;
    }

    private void enclosure(RssItem item, URI base) throws XMLStreamException {
        Optional<String> type = cursor.attribute("", "type").map(String::strip).filter(t -> !t.isEmpty());
        OptionalLong length = Enclosure.length(cursor.attribute("", "length"));
        Optional<URI> url = cursor.attribute("", "url").flatMap(u -> XmlBase.resolve(base, u));
        cursor.skip();
        url.ifPresent(u -> item.enclosures.add(new Enclosure(u, type, length)));
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

    private Optional<Html> html(Optional<Html> current, URI base) throws XMLStreamException {
        String html = cursor.markup(true);
        return current.isPresent() || html.isBlank() ? current : Optional.of(new Html(html, base));
    }

    /** The element's name as a switch key: RSS's own bare, modules' with their usual prefix. */
    private String key() {
        String ns = cursor.namespace();
        if (RssNames.isCore(ns)) {
            return cursor.localName();
        }
        String prefix =
                switch (ns) {
                    case RssNames.DC -> "dc:";
                    case RssNames.DCTERMS -> "dcterms:";
                    case RssNames.CONTENT -> "content:";
                    default -> "{" + ns + "}";
                };
        return prefix + cursor.localName();
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

    private static Optional<String> nonBlank(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }
}
