package org.orrery.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.orrery.model.EntryDetails;
import org.orrery.model.FeedCredits;
import org.orrery.model.FeedInfo;

/**
 * The columns {@code entry.details} and {@code subscription.feed_details} (migration V11): what a
 * feed says beyond the river's own columns, as a JSON object of strings; NULL when empty. A
 * feed's icon, logo, rights and generator were added to {@code feed_details} later: rows
 * without them read as a feed that names none, until the feed changes.
 */
final class DetailsJson {
    private static final JsonFactory JSON = new JsonFactory();

    private DetailsJson() {}

    static String of(EntryDetails details) {
        var fields = new LinkedHashMap<String, Optional<String>>();
        fields.put("author_email", details.authorEmail());
        fields.put("author_uri", details.authorUri());
        fields.put("language", details.language());
        fields.put("rights", details.rights());
        return write(fields);
    }

    static EntryDetails entryDetails(String json) {
        Map<String, String> fields = read(json);
        return new EntryDetails(
                field(fields, "author_email"),
                field(fields, "author_uri"),
                field(fields, "language"),
                field(fields, "rights"));
    }

    static String of(FeedInfo feed) {
        var fields = new LinkedHashMap<String, Optional<String>>();
        fields.put("id", feed.id());
        fields.put("subtitle", feed.subtitle());
        fields.put("author", feed.author());
        fields.put("language", feed.language());
        FeedCredits credits = feed.credits();
        fields.put("icon", credits.icon().map(URI::toString));
        fields.put("logo", credits.logo().map(URI::toString));
        fields.put("rights", credits.rights());
        fields.put("generator", credits.generator());
        return write(fields);
    }

    /** The stored feed: its title and site from their columns, the rest from {@code feed_details}. */
    static FeedInfo feedInfo(Optional<String> title, Optional<URI> siteLink, String json, Optional<Instant> updated) {
        Map<String, String> fields = read(json);
        return new FeedInfo(
                title,
                siteLink,
                field(fields, "id"),
                field(fields, "subtitle"),
                field(fields, "author"),
                updated,
                field(fields, "language"),
                new FeedCredits(
                        uri(fields, "icon"), uri(fields, "logo"), field(fields, "rights"), field(fields, "generator")));
    }

    /** A stored URL; one that no longer reads as a URI (never written so) is left out. */
    private static Optional<URI> uri(Map<String, String> fields, String name) {
        try {
            return field(fields, name).map(URI::create);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> field(Map<String, String> fields, String name) {
        return Optional.ofNullable(fields.get(name));
    }

    private static String write(Map<String, Optional<String>> fields) {
        if (fields.values().stream().allMatch(Optional::isEmpty)) {
            return null;
        }
        var out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (var field : fields.entrySet()) {
                if (field.getValue().isPresent()) {
                    json.writeStringField(field.getKey(), field.getValue().get());
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Map<String, String> read(String json) {
        var fields = new HashMap<String, String>();
        if (json == null) {
            return fields;
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("details column is not a JSON object: " + json);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.VALUE_STRING) {
                    fields.put(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }
}
