package org.orrery.sanitize;

/**
 * Text and attribute values as the sanitiser writes them: jsoup's "base" escape mode in UTF-8,
 * so that the output stays byte for byte what jsoup itself would print. {@code &}, {@code <} and
 * {@code >} always become references, so no text can ever be read as markup, whatever element a
 * browser puts it in; a no-break space becomes {@code &nbsp;}; C0 controls other than tab and line
 * breaks, and lone surrogates, become numeric references.
 */
final class Escape {
    private Escape() {}

    /** Appends {@code text} escaped for an element's content ({@code "} and {@code '} stay). */
    static void text(StringBuilder out, String text) {
        append(out, text, false);
    }

    /** Appends {@code value} escaped for a double-quoted attribute value. */
    static void attribute(StringBuilder out, String value) {
        append(out, value, true);
    }

    private static void append(StringBuilder out, String s, boolean inAttribute) {
        int n = s.length();
        int first = 0;
        while (first < n && isPlain(s.charAt(first), inAttribute)) {
            first++;
        }
        if (first == n) {
            out.append(s); // most text needs no reference: copied whole
            return;
        }
        int run = 0; // start of the pending run of characters copied as they are
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x3f && c < 0xa0) {
                continue; // the common case: letters and most punctuation
            }
            String reference;
            switch (c) {
                case '&' -> reference = "&amp;";
                case '<' -> reference = "&lt;";
                case '>' -> reference = "&gt;";
                case '\u00a0' -> reference = "&nbsp;";
                case '"' -> {
                    if (!inAttribute) {
                        continue;
                    }
                    reference = "&quot;";
                }
                default -> {
                    if (c >= 0x20 && !Character.isSurrogate(c) || c == '\t' || c == '\n' || c == '\r') {
                        continue;
                    }
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        int codePoint = Character.toCodePoint(c, s.charAt(i + 1));
                        if (!Character.isSurrogate((char) codePoint)) {
                            i++;
                            continue;
                        }
                        // jsoup tests the code point's low 16 bits for encodability, so U+1D800 and
                        // the like come out as references; valid either way
                        out.append(s, run, i)
                                .append("&#x")
                                .append(Integer.toHexString(codePoint))
                                .append(';');
                        run = ++i + 1;
                        continue;
                    }
                    reference = "&#x" + Integer.toHexString(c) + ";";
                }
            }
            out.append(s, run, i).append(reference);
            run = i + 1;
        }
        out.append(s, run, n);
    }

    private static boolean isPlain(char c, boolean inAttribute) {
        if (c >= 0x3f) {
            return c != '\u00a0' && !Character.isSurrogate(c);
        }
        return c >= 0x20
                ? c != '&' && c != '<' && c != '>' && (c != '"' || !inAttribute)
                : c == '\t' || c == '\n' || c == '\r';
    }
}
