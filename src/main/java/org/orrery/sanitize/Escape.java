package org.orrery.sanitize;

/**
 * Orrery's one HTML escaper: text made into HTML that shows it unchanged and can never be read
 * as markup. It lives in {@code sanitize} because that package owns what Orrery writes as HTML;
 * the parsers (plain-text bodies), the filters and the templates call it too.
 *
 * <p>Two families. {@link #text} and {@link #attribute} escape only the characters HTML gives a
 * meaning ({@code &}, {@code <}, {@code >}, and {@code "} in an attribute), for text that is read
 * again by a parser or a browser. The {@code jsoup…} methods write what jsoup's "base" escape
 * mode in UTF-8 writes, so that the sanitiser's output stays byte for byte what jsoup itself
 * would print: a no-break space becomes {@code &nbsp;}, and C0 controls other than tab and line
 * breaks, and lone surrogates, become numeric references. {@link #xmlLegal} removes what XML 1.0
 * cannot hold at all.
 */
public final class Escape {
    private static final int QUOTE = 1;
    private static final int APOSTROPHE = 2;
    private static final int JSOUP = 4;

    private Escape() {}

    /** {@code text} as an element's content: {@code &}, {@code <} and {@code >} escaped. */
    public static String text(String text) {
        return escaped(text, 0);
    }

    /** {@code value} for a double-quoted attribute: {@code &}, {@code <}, {@code >} and {@code "} escaped. */
    public static String attribute(String value) {
        return escaped(value, QUOTE);
    }

    /** Appends {@code text} escaped for an element's content as jsoup writes it ({@code "} and {@code '} stay). */
    static void jsoupText(StringBuilder out, String text) {
        append(out, text, JSOUP);
    }

    /** Appends {@code value} escaped for a double-quoted attribute value as jsoup writes it. */
    static void jsoupAttribute(StringBuilder out, String value) {
        append(out, value, JSOUP | QUOTE);
    }

    /**
     * {@code text} escaped for content or either kind of quoted attribute ({@code '} becomes
     * {@code &apos;} too), as jsoup's {@code Entities.escape(String)}.
     */
    public static String jsoupAnywhere(String text) {
        return escaped(text, JSOUP | QUOTE | APOSTROPHE);
    }

    private static String escaped(String s, int mode) {
        var out = new StringBuilder(s.length() + 16);
        append(out, s, mode);
        return out.toString();
    }

    private static void append(StringBuilder out, String s, int mode) {
        int n = s.length();
        int first = 0;
        while (first < n && isPlain(s.charAt(first), mode)) {
            first++;
        }
        if (first == n) {
            out.append(s); // most text needs no reference: copied whole
            return;
        }
        boolean jsoup = (mode & JSOUP) != 0;
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
                case '"' -> {
                    if ((mode & QUOTE) == 0) {
                        continue;
                    }
                    reference = "&quot;";
                }
                case '\'' -> {
                    if ((mode & APOSTROPHE) == 0) {
                        continue;
                    }
                    reference = "&apos;";
                }
                case '\u00a0' -> {
                    if (!jsoup) {
                        continue;
                    }
                    reference = "&nbsp;";
                }
                default -> {
                    if (!jsoup || c >= 0x20 && !Character.isSurrogate(c) || c == '\t' || c == '\n' || c == '\r') {
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

    private static boolean isPlain(char c, int mode) {
        if (c >= 0x3f) {
            return (mode & JSOUP) == 0 || c != '\u00a0' && !Character.isSurrogate(c);
        }
        if (c >= 0x20) {
            return c != '&'
                    && c != '<'
                    && c != '>'
                    && (c != '"' || (mode & QUOTE) == 0)
                    && (c != '\'' || (mode & APOSTROPHE) == 0);
        }
        return (mode & JSOUP) == 0 || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * {@code s} without the characters XML 1.0 forbids (C0 controls other than tab, newline and
     * carriage return; U+FFFE, U+FFFF; unpaired surrogates), so that a feed's stray control
     * character can never make the planet's own feeds unreadable. The same string when it has
     * none.
     */
    public static String xmlLegal(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < Character.MIN_SURROGATE) {
                i++; // nearly every character: the fast path
            } else if (legalInXml(s, i)) {
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
            if (legalInXml(s, i)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean legalInXml(String s, int i) {
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
}
