package org.orrery.parse.cdf;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import org.orrery.parse.Html;
import org.orrery.parse.ParsedEntry;
import org.orrery.parse.ParsedFeed;
import org.orrery.parse.dates.FeedDates;
import org.orrery.parse.text.PlainText;
import org.orrery.parse.xml.XmlBase;
import org.orrery.parse.xml.XmlCursor;
import org.orrery.sanitize.Escape;

/** Reads a CDF document (element and attribute names in any case) onto {@link ParsedFeed}. */
public final class CdfAdapter {
    private CdfAdapter() {}

    /** Whether the root element the cursor is on is a CDF channel. */
    public static boolean isChannel(XmlCursor cursor) {
        return cursor.namespace().isEmpty() && cursor.localName().equalsIgnoreCase("channel");
    }

    /**
     * Reads the document whose root element ({@code CHANNEL}) the cursor is on, handing each
     * entry to {@code entries} as soon as it has been read; the feed returned has none.
     */
    public static ParsedFeed read(XmlCursor cursor, Consumer<ParsedEntry> entries) throws XMLStreamException {
        URI base = base(cursor, cursor.base());
        Optional<URI> link = href(cursor, base);
        Optional<String> lastModified = attribute(cursor, "lastmod");
        Optional<String> title = Optional.empty();
        Optional<String> abstractText = Optional.empty();
        int count = 0;
        List<String> warnings = new ArrayList<>();
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            switch (cursor.localName().toLowerCase(Locale.ROOT)) {
                case "title" -> title = first(title, text(cursor));
                case "abstract" -> abstractText = first(abstractText, text(cursor));
                case "item" -> entries.accept(item(cursor, base, "entry " + ++count, warnings));
                default -> cursor.skip();
            }
        }
        List<String> all = new ArrayList<>(cursor.warnings());
        all.addAll(warnings);
        return new ParsedFeed(
                "cdf",
                title.flatMap(PlainText::collapse),
                link,
                abstractText.flatMap(PlainText::collapse),
                Optional.empty(),
                FeedDates.parse(lastModified, "feed", all),
                List.of(),
                all);
    }

    private static ParsedEntry item(XmlCursor cursor, URI channelBase, String where, List<String> warnings)
            throws XMLStreamException {
        URI base = base(cursor, channelBase);
        Optional<URI> link = href(cursor, base);
        Optional<String> lastModified = attribute(cursor, "lastmod");
        Optional<String> title = Optional.empty();
        Optional<Html> abstractHtml = Optional.empty();
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            switch (cursor.localName().toLowerCase(Locale.ROOT)) {
                case "title" -> title = first(title, text(cursor));
                case "abstract" -> {
                    Optional<String> text = text(cursor);
                    if (abstractHtml.isEmpty()) {
                        abstractHtml = text.map(t -> new Html(Escape.text(t), base));
                    }
                }
                default -> cursor.skip();
            }
        }
        return new ParsedEntry(
                Optional.empty(),
                title.flatMap(PlainText::collapse),
                link,
                Optional.empty(),
                Optional.empty(),
                FeedDates.parse(lastModified, where, warnings),
                Optional.empty(),
                abstractHtml,
                List.of(),
                List.of());
    }

    private static Optional<URI> href(XmlCursor cursor, URI base) {
        return attribute(cursor, "href").flatMap(h -> XmlBase.resolve(base, h));
    }

    /** CDF's BASE attribute: the URL the element's relative URLs resolve against, else {@code outer}. */
    private static URI base(XmlCursor cursor, URI outer) {
        return attribute(cursor, "base").flatMap(b -> XmlBase.resolve(outer, b)).orElse(outer);
    }

    /** An attribute whose name is written in any case. */
    private static Optional<String> attribute(XmlCursor cursor, String name) {
        return cursor.attributeIgnoringCase(name).filter(v -> !v.isBlank());
    }

    private static Optional<String> text(XmlCursor cursor) throws XMLStreamException {
        return Optional.of(cursor.text()).filter(t -> !t.isBlank());
    }

    private static Optional<String> first(Optional<String> current, Optional<String> next) {
        return current.isPresent() ? current : next;
    }
}
