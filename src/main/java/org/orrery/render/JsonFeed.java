package org.orrery.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The planet as a JSON Feed 1.1 ({@code feed.json}; https://www.jsonfeed.org/version/1.1/),
 * written from the same template model as the other outputs.
 */
final class JsonFeed {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonFeed() {}

    @SuppressWarnings("unchecked")
    static byte[] write(Map<String, Object> model) {
        var bytes = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator g = JSON.createGenerator(bytes).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("version", "https://jsonfeed.org/version/1.1");
            g.writeStringField("title", text(model, "name"));
            optional(g, "home_page_url", text(model, "link"));
            String link = text(model, "link");
            if (!link.isEmpty()) {
                g.writeStringField("feed_url", link.endsWith("/") ? link + "feed.json" : link + "/feed.json");
            }
            g.writeArrayFieldStart("authors");
            g.writeStartObject();
            g.writeStringField("name", text(model, "owner_name"));
            g.writeEndObject();
            g.writeEndArray();
            g.writeArrayFieldStart("items");
            for (var item : (List<Map<String, Object>>) model.get("Items")) {
                item(g, item);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("render: writing feed.json to memory", e);
        }
        return bytes.toByteArray();
    }

    private static void item(JsonGenerator g, Map<String, Object> item) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", text(item, "id"));
        optional(g, "url", text(item, "link"));
        optional(g, "title", text(item, "title"));
        g.writeStringField("content_html", text(item, "content"));
        optional(g, "summary", plain(text(item, "summary")));
        g.writeStringField("date_published", text(item, "date_iso"));
        optional(g, "date_modified", text(item, "updated_iso"));
        g.writeArrayFieldStart("authors");
        g.writeStartObject();
        String author = text(item, "author");
        g.writeStringField("name", author.isEmpty() ? text(item, "channel_name") : author);
        optional(g, "url", text(item, "channel_link"));
        g.writeEndObject();
        g.writeEndArray();
        if (item.get("enclosures") instanceof List<?> enclosures && !enclosures.isEmpty()) {
            g.writeArrayFieldStart("attachments");
            for (Object enclosure : enclosures) {
                @SuppressWarnings("unchecked")
                var e = (Map<String, Object>) enclosure;
                g.writeStartObject();
                g.writeStringField("url", text(e, "href"));
                // JSON Feed 1.1: mime_type is required for an attachment.
                String type = text(e, "type");
                g.writeStringField("mime_type", type.isEmpty() ? "application/octet-stream" : type);
                if (!text(e, "length").isEmpty()) {
                    g.writeNumberField("size_in_bytes", Long.parseLong(text(e, "length")));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (item.get("categories") instanceof List<?> tags && !tags.isEmpty()) {
            g.writeArrayFieldStart("tags");
            for (Object tag : tags) {
                g.writeString(String.valueOf(tag));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static String plain(String html) {
        return html.isEmpty()
                ? ""
                : org.jsoup.Jsoup.parseBodyFragment(html).body().text();
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : value.toString();
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (!value.isEmpty()) {
            g.writeStringField(name, value);
        }
    }
}
