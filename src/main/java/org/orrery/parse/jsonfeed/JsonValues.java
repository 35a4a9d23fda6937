package org.orrery.parse.jsonfeed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON document as plain values (maps, lists, strings, numbers, booleans, null), read from a
 * streaming parser; Jackson's own limits bound nesting and sizes.
 */
final class JsonValues {
    private JsonValues() {}

    /** The value starting at the parser's current token. */
    static Object read(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == null) {
            throw new IOException("no JSON value");
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    // JSON names should be unique; the first one wins, as for XML elements.
                    Object value = read(p);
                    object.putIfAbsent(name, value);
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(p));
                }
                yield array;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A string or number member as trimmed text; empty for blanks, objects and lists. */
    static Optional<String> text(Map<?, ?> object, String name) {
        Object value = object.get(name);
        if (value instanceof String || value instanceof Number) {
            String s = value.toString().strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }
        return Optional.empty();
    }

    static List<Map<?, ?>> objects(Map<?, ?> object, String name) {
        List<Map<?, ?>> objects = new ArrayList<>();
        if (object.get(name) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    objects.add(m);
                }
            }
        }
        return objects;
    }

    static List<String> strings(Map<?, ?> object, String name) {
        List<String> strings = new ArrayList<>();
        if (object.get(name) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s && !s.isBlank()) {
                    strings.add(s.strip());
                }
            }
        }
        return strings;
    }
}
