package org.orrery.parse.rss;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.orrery.parse.ParsedEntry;
import org.orrery.parse.ParsedFeed;
import org.orrery.parse.dates.FeedDates;
import org.orrery.parse.text.PlainText;
import org.orrery.parse.xml.XmlCursor;

/** Reads an RSS document and maps its channel and items onto {@link ParsedFeed}. */
public final class RssAdapter {
    // RSS 2.0 "author": an e-mail address, conventionally "mail@example.org (Name)".
    private static final Pattern MAIL_THEN_NAME = Pattern.compile("(\\S+@\\S+)\\s*\\((.*)\\)");
    private static final Pattern NAME_THEN_MAIL = Pattern.compile("(.*?)\\s*<(\\S+@\\S+)>");

    private RssAdapter() {}

    /** Reads the document whose root element ({@code rss} or {@code rdf:RDF}) the cursor is on. */
    public static ParsedFeed read(XmlCursor cursor) throws XMLStreamException {
        RssChannel channel = new RssReader(cursor).read();
        List<String> warnings = new ArrayList<>(cursor.warnings());
        List<ParsedEntry> entries = new ArrayList<>();
        for (RssItem item : channel.items) {
            entries.add(entry(item, "entry " + (entries.size() + 1), warnings));
        }
        return new ParsedFeed(
                channel.format,
                channel.title.flatMap(PlainText::fromHtml),
                channel.link,
                channel.description.flatMap(PlainText::fromHtml),
                channel.language,
                FeedDates.parse(channel.lastBuildDate.or(() -> channel.dcDate), "feed", warnings),
                entries,
                warnings);
    }

    private static ParsedEntry entry(RssItem item, String where, List<String> warnings) {
        return new ParsedEntry(
                item.guid.or(() -> item.about),
                item.title.flatMap(PlainText::fromHtml),
                item.link.or(() -> item.guidLink),
                author(item),
                FeedDates.parse(item.pubDate.or(() -> item.dcDate), where, warnings),
                FeedDates.parse(item.modified, where, warnings),
                item.encoded,
                item.description,
                item.categories,
                item.enclosures);
    }

    /** A name from {@code author} first, then {@code dc:creator}, then a bare e-mail. */
    private static Optional<String> author(RssItem item) {
        Optional<String> mail = Optional.empty();
        if (item.author.isPresent()) {
            String author = item.author.get();
            Matcher m = MAIL_THEN_NAME.matcher(author);
            Matcher n = NAME_THEN_MAIL.matcher(author);
            Optional<String> name;
            if (m.matches()) {
                name = PlainText.collapse(m.group(2));
                mail = Optional.of(m.group(1));
            } else if (n.matches()) {
                name = PlainText.collapse(n.group(1));
                mail = Optional.of(n.group(2));
            } else if (author.contains("@") && !author.contains(" ")) {
                name = Optional.empty();
                mail = Optional.of(author);
            } else {
                name = PlainText.collapse(author);
            }
            if (name.isPresent()) {
                return name;
            }
        }
        Optional<String> creator = item.creator.flatMap(PlainText::collapse);
        return creator.isPresent() ? creator : mail;
    }
}
