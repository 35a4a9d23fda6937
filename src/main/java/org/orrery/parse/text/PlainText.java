package org.orrery.parse.text;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Conversions between feed text, plain text and HTML. */
public final class PlainText {
    // No-break spaces count: jsoup's text() treats them as whitespace, and so do we for the
    // titles written without markup.
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\r\\f\\u00a0]+");

    private PlainText() {}

    /** Runs of whitespace collapsed to one space, trimmed; empty when nothing is left. */
    public static Optional<String> collapse(String text) {
        String collapsed = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return collapsed.isEmpty() ? Optional.empty() : Optional.of(collapsed);
    }

    /** The text a reader sees in an HTML fragment: markup removed, entities decoded, collapsed. */
    public static Optional<String> fromHtml(String html) {
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return collapse(html);
        }
        return collapse(Jsoup.parseBodyFragment(html).text());
    }

    /** Plain text escaped into HTML that displays it unchanged. */
    public static String toHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
