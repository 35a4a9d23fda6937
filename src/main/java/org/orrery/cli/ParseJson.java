package org.orrery.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.orrery.model.Enclosure;
import org.orrery.model.Entry;
import org.orrery.normalize.EntryNormalizer;
import org.orrery.parse.ParsedEntry;
import org.orrery.parse.ParsedFeed;

/**
 * Writes what the parser understood of one feed as the JSON view of {@code orrery parse
 * --json}: the contract of the parser's conformance tests. Bodies are sanitised with the
 * policy the planet publishes with.
 */
final class ParseJson {
    /** The formats parse-json.md names; others (CDF) are {@code null} there. */
    private static final Set<String> SPEC_FORMATS =
            Set.of("rss2.0", "rss1.0", "rss0.9", "atom1.0", "atom0.3", "json1.0", "json1.1");

    private final EntryNormalizer normalizer;

    ParseJson(EntryNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /**
     * Opens the feed's object with its {@code entries}, which {@link #entry} then writes one at a
     * time as the parser reads them; {@link #end} closes it with the feed's own fields, which are
     * known only then (the order of fields does not matter in parse-json.md).
     */
    void start(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("entries");
    }

    /** The whole object of a feed parsed at once (its entries in memory). */
    void write(ParsedFeed feed, JsonGenerator g) throws IOException {
        start(g);
        for (ParsedEntry parsed : feed.entries()) {
            entry(parsed, g);
        }
        end(feed, g);
    }

    void entry(ParsedEntry parsed, JsonGenerator g) throws IOException {
        entry(parsed, normalizer.normalize(parsed), g);
    }

    void end(ParsedFeed feed, JsonGenerator g) throws IOException {
        g.writeEndArray();
        field(g, "format", Optional.of(feed.format()).filter(SPEC_FORMATS::contains));
        field(g, "title", feed.title());
        field(g, "link", feed.link().map(URI::toString));
        field(g, "subtitle", feed.subtitle());
        field(g, "language", feed.language());
        field(g, "updated", feed.updated().map(ParseJson::timestamp));
        g.writeArrayFieldStart("warnings");
        for (String warning : feed.warnings()) {
            g.writeString(warning);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void entry(ParsedEntry parsed, Entry entry, JsonGenerator g) throws IOException {
        g.writeStartObject();
        field(g, "id", parsed.id().map(String::strip).filter(s -> !s.isEmpty()));
        field(g, "title", parsed.title());
        field(g, "link", parsed.link().map(URI::toString));
        field(g, "author", parsed.author());
        field(g, "published", parsed.published().map(ParseJson::timestamp));
        // An entry never updated was last changed when it was published (feedparser reads it so).
        field(g, "updated", parsed.updated().or(parsed::published).map(ParseJson::timestamp));
        field(g, "content", content(parsed, entry));
        field(g, "summary", entry.summaryHtml());
        g.writeArrayFieldStart("categories");
        for (String category : parsed.categories()) {
            g.writeString(category);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("enclosures");
        for (Enclosure enclosure : parsed.enclosures()) {
            g.writeStartObject();
            g.writeStringField("url", enclosure.url().toString());
            field(g, "type", enclosure.type());
            if (enclosure.length().isPresent()) {
                g.writeNumberField("length", enclosure.length().getAsLong());
            } else {
                g.writeNullField("length");
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * The entry's body: {@code ""} when it has one that sanitises to nothing (a stray {@code
     * <td>}, an empty {@code <description/>}), as feedparser reports it; absent when it has none.
     */
    private static Optional<String> content(ParsedEntry parsed, Entry entry) {
        boolean hasBody = parsed.content().isPresent() || parsed.summary().isPresent();
        return Optional.of(entry.contentHtml()).filter(s -> hasBody || !s.isEmpty());
    }

    /** ISO-8601 in UTC, second precision, suffix Z. */
    private static String timestamp(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void field(JsonGenerator g, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(name, value.get());
        } else {
            g.writeNullField(name);
        }
    }
}
