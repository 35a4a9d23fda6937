package org.orrery.parse.rss;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.orrery.model.EntryDetails;
import org.orrery.model.FeedCredits;
import org.orrery.parse.Html;
import org.orrery.parse.ParsedEntry;
import org.orrery.parse.ParsedFeed;
import org.orrery.parse.dates.FeedDates;
import org.orrery.parse.text.PlainText;
import org.orrery.parse.xml.XmlCursor;

/** Reads an RSS document and maps its channel and items onto {@link ParsedFeed}. */
public final class RssAdapter {
    // RSS 2.0 "author": an e-mail address, conventionally "mail@example.org (Name)". The
    // address's parts exclude the characters around them and never give back what they took,
    // so text that fails takes linear time (with "\\S+@\\S+", 5,000 characters took minutes).
    private static final Pattern MAIL_THEN_NAME = Pattern.compile("([^\\s@(]++@[^\\s@(]++)\\s*+\\((.*)\\)");
    private static final Pattern NAME_THEN_MAIL = Pattern.compile("(.*?)[<(]([^\\s<(@]++@[^\\s>)@]++)[>)]");

    private RssAdapter() {}

    /**
     * Reads the document whose root element ({@code rss} or {@code rdf:RDF}) the cursor is on,
     * handing each entry to {@code entries} as soon as it has been read; the feed returned has none.
     */
    public static ParsedFeed read(XmlCursor cursor, Consumer<ParsedEntry> entries) throws XMLStreamException {
        List<String> entryWarnings = new ArrayList<>();
        int[] count = {0};
        RssChannel channel =
                new RssReader(cursor, item -> entries.accept(entry(item, "entry " + ++count[0], entryWarnings))).read();
        List<String> warnings = new ArrayList<>(cursor.warnings());
        warnings.addAll(entryWarnings);
        return new ParsedFeed(
                channel.format,
                channel.title.best().flatMap(PlainText::fromHtml),
                channel.link.or(() -> channel.atomLink),
                channel.description.best().flatMap(PlainText::fromHtml),
                channel.language.or(() -> channel.lang).map(RssAdapter::languageTag),
                FeedDates.parse(channel.updated.best(), "feed", warnings),
                List.of(),
                warnings,
                Optional.empty(),
                Optional.empty(),
                new FeedCredits(
                        Optional.empty(),
                        channel.image,
                        channel.rights.best().flatMap(PlainText::fromHtml),
                        channel.generator.flatMap(PlainText::fromHtml)));
    }

    private static ParsedEntry entry(RssItem item, String where, List<String> warnings) {
        return new ParsedEntry(
                item.guid.or(() -> item.atomId).or(() -> item.about),
                item.title.best().flatMap(PlainText::fromHtml),
                // FeedBurner's link is a tracking redirect to the article origLink names.
                item.origLink.or(() -> item.link).or(() -> item.atomLink).or(() -> item.guidLink),
                author(item.author.all()),
                FeedDates.parse(published(item), where, warnings),
                FeedDates.parse(item.modified.best(), where, warnings),
                content(item),
                summary(item),
                item.categories,
                item.enclosures,
                new EntryDetails(
                        authorEmail(item.author.all()),
                        Optional.empty(),
                        Optional.empty(),
                        item.rights.best().flatMap(PlainText::fromHtml)));
    }

    /**
     * The fullest body: {@code content:encoded} and its kind, else a description beside which a
     * bare {@code summary} (not RSS, but written) is the shorter text.
     */
    private static Optional<Html> content(RssItem item) {
        Optional<Html> encoded = item.encoded.best();
        return encoded.isPresent() || !hasDescriptionAndSummary(item) ? encoded : item.description.best();
    }

    private static Optional<Html> summary(RssItem item) {
        return item.encoded.isEmpty() && hasDescriptionAndSummary(item)
                ? item.description.get("summary")
                : item.description.best();
    }

    private static boolean hasDescriptionAndSummary(RssItem item) {
        Optional<Html> summary = item.description.get("summary");
        return summary.isPresent() && !summary.equals(item.description.best());
    }

    /** "en_US" is a common misspelling of the language tag "en-US" (RFC 5646). */
    static String languageTag(String language) {
        return language.replace('_', '-');
    }

    /**
     * The publication date; {@code dc:date} counts as one only beside a distinct modification
     * date, and is otherwise the date of the item's last change.
     */
    private static Optional<String> published(RssItem item) {
        Optional<String> published = item.published.best();
        if (published.isPresent() || item.modified.all().size() < 2) {
            return published;
        }
        return item.modified.get("dc:date");
    }

    /** The first e-mail address any author element gives. */
    private static Optional<String> authorEmail(List<String> authors) {
        for (String author : authors) {
            String written = author.strip();
            Matcher m = MAIL_THEN_NAME.matcher(written);
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
            Matcher n = NAME_THEN_MAIL.matcher(written);
            if (n.matches()) {
                return Optional.of(n.group(2));
            }
            if (written.contains("@") && !written.contains(" ")) {
                return Optional.of(written);
            }
        }
        return Optional.empty();
    }

    /** The first name any author element gives, else the first e-mail address. */
    private static Optional<String> author(List<String> authors) {
        Optional<String> mail = Optional.empty();
        for (String author : authors) {
            Matcher m = MAIL_THEN_NAME.matcher(author.strip());
            Matcher n = NAME_THEN_MAIL.matcher(author.strip());
            Optional<String> name;
            if (m.matches()) {
                name = PlainText.collapse(m.group(2));
                mail = mail.or(() -> Optional.of(m.group(1)));
            } else if (n.matches()) {
                name = PlainText.collapse(n.group(1));
                mail = mail.or(() -> Optional.of(n.group(2)));
            } else if (author.contains("@") && !author.strip().contains(" ")) {
                name = Optional.empty();
                mail = mail.or(() -> Optional.of(author.strip()));
            } else {
                name = PlainText.collapse(author);
            }
            if (name.isPresent()) {
                return name;
            }
        }
        return mail;
    }
}
