package org.orrery.parse.text;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Plain text from feed text and from HTML. */
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
}
