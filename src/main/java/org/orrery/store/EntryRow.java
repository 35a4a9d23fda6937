package org.orrery.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.statement.SqlStatement;
import org.orrery.model.Enclosure;
import org.orrery.model.Entry;

/**
 * The stored columns of one entry, exactly as the database holds them (null for absent); two
 * rows are equal when saving one over the other would change nothing.
 */
record EntryRow(
        String key,
        String title,
        String link,
        String author,
        Long published,
        Long updated,
        String contentHtml,
        String summaryHtml,
        String categories,
        String enclosures,
        String bodyBase,
        String details) {

    /** The columns an entry's text, links and dates are read from, in {@link #read} order. */
    static final String COLUMNS =
            "entry_key, title, link, author, published, updated, content_html, summary_html, categories, enclosures, "
                    + "body_base, details";

    private static final JsonFactory JSON = new JsonFactory();

    static EntryRow of(Entry entry) {
        return new EntryRow(
                entry.key(),
                entry.title(),
                entry.link().map(URI::toString).orElse(null),
                entry.author().orElse(null),
                entry.published().map(Instant::toEpochMilli).orElse(null),
                entry.updated().map(Instant::toEpochMilli).orElse(null),
                entry.contentHtml(),
                entry.summaryHtml().orElse(null),
                categoriesJson(entry.categories()),
                entry.enclosures().isEmpty() ? null : enclosuresJson(entry.enclosures()),
                entry.base().map(URI::toString).orElse(null),
                DetailsJson.of(entry.details()));
    }

    static EntryRow read(ResultSet rs) throws SQLException {
        return new EntryRow(
                rs.getString("entry_key"),
                rs.getString("title"),
                rs.getString("link"),
                rs.getString("author"),
                nullableLong(rs, "published"),
                nullableLong(rs, "updated"),
                rs.getString("content_html"),
                rs.getString("summary_html"),
                rs.getString("categories"),
                rs.getString("enclosures"),
                rs.getString("body_base"),
                rs.getString("details"));
    }

    /** Binds every column as a named parameter of the same name. */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement
                .bind("entry_key", key)
                .bind("title", title)
                .bind("link", link)
                .bind("author", author)
                .bind("published", published)
                .bind("updated", updated)
                .bind("content_html", contentHtml)
                .bind("summary_html", summaryHtml)
                .bind("categories", categories)
                .bind("enclosures", enclosures)
                .bind("body_base", bodyBase)
                .bind("details", details);
    }

    /** Binds every column, in {@link #COLUMNS} order, from parameter {@code first} on. */
    void bindFrom(PreparedStatement statement, int first) throws SQLException {
        int at = first;
        statement.setString(at++, key);
        statement.setString(at++, title);
        statement.setString(at++, link);
        statement.setString(at++, author);
        statement.setObject(at++, published);
        statement.setObject(at++, updated);
        statement.setString(at++, contentHtml);
        statement.setString(at++, summaryHtml);
        statement.setString(at++, categories);
        statement.setString(at++, enclosures);
        statement.setString(at++, bodyBase);
        statement.setString(at, details);
    }

    Entry toEntry() {
        return new Entry(
                key,
                title,
                Optional.ofNullable(link).map(URI::create),
                Optional.ofNullable(author),
                Optional.ofNullable(published).map(Instant::ofEpochMilli),
                Optional.ofNullable(updated).map(Instant::ofEpochMilli),
                contentHtml,
                Optional.ofNullable(summaryHtml),
                categoryList(categories),
                enclosureList(enclosures),
                Optional.ofNullable(bodyBase).map(URI::create),
                DetailsJson.entryDetails(details));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static String categoriesJson(List<String> categories) {
        return jsonArray(json -> {
            for (String category : categories) {
                json.writeString(category);
            }
        });
    }

    private static String enclosuresJson(List<Enclosure> enclosures) {
        return jsonArray(json -> {
            for (Enclosure enclosure : enclosures) {
                json.writeStartObject();
                json.writeStringField("url", enclosure.url().toString());
                if (enclosure.type().isPresent()) {
                    json.writeStringField("type", enclosure.type().get());
                }
                if (enclosure.length().isPresent()) {
                    json.writeNumberField("length", enclosure.length().getAsLong());
                }
                json.writeEndObject();
            }
        });
    }

    /** The enclosures column: none when NULL (entries stored before it existed). */
    private static List<Enclosure> enclosureList(String json) {
        if (json == null) {
            return List.of();
        }
        List<Enclosure> enclosures = new ArrayList<>();
        readArray("enclosures", json, parser -> {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String url = null;
                Optional<String> type = Optional.empty();
                OptionalLong length = OptionalLong.empty();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    switch (field) {
                        case "url" -> url = parser.getText();
                        case "type" -> type = Optional.of(parser.getText());
                        case "length" -> length = OptionalLong.of(parser.getLongValue());
                        default -> parser.skipChildren();
                    }
                }
                if (url != null) {
                    enclosures.add(new Enclosure(URI.create(url), type, length));
                }
            }
        });
        return enclosures;
    }

    private static List<String> categoryList(String json) {
        List<String> categories = new ArrayList<>();
        readArray("categories", json, parser -> {
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                categories.add(parser.getText());
            }
        });
        return categories;
    }

    /** Writes or reads the items of a JSON array column. */
    private interface JsonItems<T> {
        void items(T json) throws IOException;
    }

    /** A JSON array of what {@code items} writes. */
    private static String jsonArray(JsonItems<JsonGenerator> items) {
        var out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            items.items(json);
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Hands {@code items} the parser past the opening of the JSON array in {@code column}. */
    private static void readArray(String column, String json, JsonItems<JsonParser> items) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException(column + " column is not a JSON array: " + json);
            }
            items.items(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
