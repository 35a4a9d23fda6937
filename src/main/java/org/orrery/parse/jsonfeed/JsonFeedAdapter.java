package org.orrery.parse.jsonfeed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.orrery.model.Enclosure;
import org.orrery.model.FeedCredits;
import org.orrery.parse.FeedParseException;
import org.orrery.parse.Html;
import org.orrery.parse.ParsedEntry;
import org.orrery.parse.ParsedFeed;
import org.orrery.parse.dates.FeedDates;
import org.orrery.parse.text.PlainText;
import org.orrery.parse.xml.XmlBase;
import org.orrery.sanitize.Escape;

/** Reads a JSON Feed document and maps it onto {@link ParsedFeed}. */
public final class JsonFeedAdapter {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonFeedAdapter() {}

    /** Whether {@code text} looks like JSON rather than XML: its first non-blank character. */
    public static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{';
            }
        }
        return false;
    }

    /**
     * Reads {@code text}, a JSON document starting with an object, whose relative URLs resolve
     * against {@code base}, handing each item to {@code entries} as soon as it is read: the
     * feed returned has none, and the items are never all held at once.
     *
     * @throws FeedParseException when it is not JSON or not a JSON Feed; items may have been
     *     handed over by then
     */
    public static ParsedFeed read(String text, URI base, List<String> warnings, Consumer<? super ParsedEntry> entries)
            throws FeedParseException {
        Map<String, Object> feed = new LinkedHashMap<>();
        int items = 0;
        try (JsonParser p = JSON.createParser(new StringReader(text.strip()))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FeedParseException("not a feed: a JSON document without a JSON Feed version");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                // JSON names should be unique; the first one wins, as for XML elements.
                if (feed.containsKey(name)) {
                    p.skipChildren();
                } else if (name.equals("items") && value == JsonToken.START_ARRAY) {
                    feed.put(name, List.of());
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (JsonValues.read(p) instanceof Map<?, ?> item) {
                            items++;
                            entries.accept(entry(item, base, "entry " + items, warnings));
                        }
                    }
                } else {
                    feed.put(name, JsonValues.read(p));
                }
            }
        } catch (JsonProcessingException e) {
            throw new FeedParseException("not well-formed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            // A StringReader has no I/O to fail.
            throw new UncheckedIOException(e);
        }
        if (!JsonValues.text(feed, "version").orElse("").contains("jsonfeed.org/version")) {
            throw new FeedParseException("not a feed: a JSON document without a JSON Feed version");
        }
        String version = JsonValues.text(feed, "version").orElse("");
        return new ParsedFeed(
                version.replaceAll("/+$", "").endsWith("1.1") ? "json1.1" : "json1.0",
                JsonValues.text(feed, "title").flatMap(PlainText::collapse),
                url(feed, "home_page_url", base),
                JsonValues.text(feed, "description").flatMap(PlainText::collapse),
                JsonValues.text(feed, "language"),
                Optional.empty(),
                List.of(),
                warnings,
                Optional.empty(),
                Optional.empty(),
                // JSON Feed 1.1: favicon is the small image (Atom's icon), icon the large one (its logo).
                new FeedCredits(
                        url(feed, "favicon", base), url(feed, "icon", base), Optional.empty(), Optional.empty()));
    }

    private static ParsedEntry entry(Map<?, ?> item, URI base, String where, List<String> warnings) {
        Optional<Html> content = JsonValues.text(item, "content_html")
                .map(html -> new Html(html, base))
                .or(() -> JsonValues.text(item, "content_text").map(t -> new Html(Escape.text(t), base)));
        Optional<Html> summary = JsonValues.text(item, "summary").map(t -> new Html(Escape.text(t), base));
        List<Enclosure> attachments = new ArrayList<>();
        for (Map<?, ?> attachment : JsonValues.objects(item, "attachments")) {
            url(attachment, "url", base)
                    .ifPresent(u -> attachments.add(new Enclosure(
                            u,
                            JsonValues.text(attachment, "mime_type"),
                            Enclosure.length(JsonValues.text(attachment, "size_in_bytes")))));
        }
        return new ParsedEntry(
                JsonValues.text(item, "id"),
                JsonValues.text(item, "title").flatMap(PlainText::collapse),
                url(item, "url", base),
                author(item),
                FeedDates.parse(JsonValues.text(item, "date_published"), where, warnings),
                FeedDates.parse(JsonValues.text(item, "date_modified"), where, warnings),
                content,
                summary,
                JsonValues.strings(item, "tags"),
                attachments);
    }

    /** JSON Feed 1.1 {@code authors} (the first with a name), else 1.0's {@code author}. */
    private static Optional<String> author(Map<?, ?> item) {
        for (Map<?, ?> author : JsonValues.objects(item, "authors")) {
            Optional<String> name = JsonValues.text(author, "name").flatMap(PlainText::collapse);
            if (name.isPresent()) {
                return name;
            }
        }
        if (item.get("author") instanceof Map<?, ?> author) {
            return JsonValues.text(author, "name").flatMap(PlainText::collapse);
        }
        return Optional.empty();
    }

    private static Optional<URI> url(Map<?, ?> object, String name, URI base) {
        return JsonValues.text(object, name).flatMap(u -> XmlBase.resolve(base, u));
    }
}
