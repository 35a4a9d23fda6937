package org.orrery.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes the characters XML 1.0 forbids (C0 controls other than tab, newline and carriage
 * return; U+FFFE, U+FFFF; unpaired surrogates) from every string of a template model, so a
 * feed's stray control character can never make the planet's own feeds unreadable.
 */
final class XmlSafe {
    private XmlSafe() {}

    static String clean(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < Character.MIN_SURROGATE) {
                i++; // nearly every character: the fast path
            } else if (allowed(s, i)) {
                i += Character.isHighSurrogate(c) ? 2 : 1;
            } else {
                break;
            }
        }
        if (i == n) {
            return s;
        }
        var out = new StringBuilder(s.length());
        out.append(s, 0, i);
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (allowed(s, i)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean allowed(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return false;
        }
        // XML 1.0 §2.2 Char
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
    }

    /** A deep copy of a model (maps, lists, strings) with every string cleaned. */
    @SuppressWarnings("unchecked")
    static <T> T cleanAll(T value) {
        return (T)
                switch (value) {
                    case String s -> clean(s);
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
