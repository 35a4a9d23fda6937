package org.orrery.discover;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A feed that was fetched and read.
 *
 * @param uri the URL to subscribe to: the one found, or where it permanently redirects
 * @param title the feed's own title, else the title the page's link gives it
 * @param format what it is, in words: {@code Atom}, {@code RSS}, {@code JSON Feed} or {@code CDF}
 */
public record FoundFeed(URI uri, Optional<String> title, String format) {
    public FoundFeed {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(format, "format");
    }

    /** The format in words for a {@link org.orrery.parse.ParsedFeed#format()} ({@code atom1.0}, ...). */
    static String formatName(String parsedFormat) {
        String format = parsedFormat.toLowerCase(Locale.ROOT);
        if (format.startsWith("atom")) {
            return "Atom";
        }
        if (format.startsWith("rss")) {
            return "RSS";
        }
        if (format.startsWith("json")) {
            return "JSON Feed";
        }
        return format.toUpperCase(Locale.ROOT);
    }
}
