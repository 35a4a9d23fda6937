package org.orrery.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orrery.sanitize.Escape;

/** Removes the characters XML 1.0 forbids from every string of a template model ({@link Escape#xmlLegal}). */
final class XmlSafe {
    private XmlSafe() {}

    /**
     * The model (maps, lists, strings) with every string cleaned: the same objects where nothing
     * needed cleaning, which is nearly always; copies of the maps and lists that hold a string
     * that did. Templates only read the model.
     */
    @SuppressWarnings("unchecked")
    static <T> T cleanAll(T value) {
        return (T)
                switch (value) {
                    case String s -> Escape.xmlLegal(s);
                    case Map<?, ?> m -> {
                        Map<Object, Object> copy = null;
                        for (var entry : m.entrySet()) {
                            Object v = entry.getValue();
                            Object clean = v == null ? null : cleanAll(v);
                            if (copy == null && clean != v) {
                                copy = new LinkedHashMap<>(m);
                            }
                            if (copy != null) {
                                copy.put(entry.getKey(), clean);
                            }
                        }
                        yield copy == null ? m : copy;
                    }
                    case List<?> l -> {
                        List<Object> copy = null;
                        for (int i = 0; i < l.size(); i++) {
                            Object v = l.get(i);
                            Object clean = v == null ? null : cleanAll(v);
                            if (copy == null && clean != v) {
                                copy = new ArrayList<>(l);
                            }
                            if (copy != null) {
                                copy.set(i, clean);
                            }
                        }
                        yield copy == null ? l : copy;
                    }
                    default -> value;
                };
    }
}
