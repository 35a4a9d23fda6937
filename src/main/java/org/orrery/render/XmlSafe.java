package org.orrery.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orrery.sanitize.Escape;

/** Removes the characters XML 1.0 forbids from every string of a template model ({@link Escape#xmlLegal}). */
final class XmlSafe {
    private XmlSafe() {}

    /** A deep copy of a model (maps, lists, strings) with every string cleaned. */
    @SuppressWarnings("unchecked")
    static <T> T cleanAll(T value) {
        return (T)
                switch (value) {
                    case String s -> Escape.xmlLegal(s);
                    case Map<?, ?> m -> {
                        var copy = new LinkedHashMap<Object, Object>();
                        m.forEach((k, v) -> copy.put(k, v == null ? null : cleanAll(v)));
                        yield copy;
                    }
                    case List<?> l -> {
                        var copy = new ArrayList<Object>(l.size());
                        l.forEach(v -> copy.add(v == null ? null : cleanAll(v)));
                        yield copy;
                    }
                    default -> value;
                };
    }
}
