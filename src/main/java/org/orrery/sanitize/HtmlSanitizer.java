package org.orrery.sanitize;

import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes untrusted HTML from a feed safe to publish on the planet's domain, and makes its
 * relative URLs absolute.
 *
 * <p>Threat model: feed content is written by strangers and served from the planet's origin,
 * so anything executable (scripts, event handlers, {@code javascript:} and other non-web URL
 * schemes, forms, frames, {@code style}) is an XSS hole for every reader. Only the elements
 * and attributes of {@link #POLICY} survive; {@code script} and {@code style} disappear with
 * their content. Thread-safe.
 */
public final class HtmlSanitizer {
    /** Elements and attributes that may reach the page; URL attributes only http(s)/mailto. */
    static final Safelist POLICY = Safelist.relaxed()
            .addTags(
                    "abbr",
                    "article",
                    "aside",
                    "bdi",
                    "bdo",
                    "del",
                    "details",
                    "dfn",
                    "figcaption",
                    "figure",
                    "footer",
                    "header",
                    "hr",
                    "ins",
                    "kbd",
                    "mark",
                    "s",
                    "samp",
                    "section",
                    "summary",
                    "time",
                    "var",
                    "wbr")
            .addAttributes("abbr", "title")
            .addAttributes("del", "cite", "datetime")
            .addAttributes("ins", "cite", "datetime")
            .addAttributes("time", "datetime")
            .addAttributes("code", "class")
            .addAttributes("pre", "class")
            .addAttributes("td", "align", "valign")
            .addAttributes("th", "align", "valign", "scope")
            .addProtocols("del", "cite", "http", "https")
            .addProtocols("ins", "cite", "http", "https")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer");

    private final Cleaner cleaner = new Cleaner(POLICY);

    /**
     * Returns the safe form of {@code html}, with every relative URL resolved against {@code
     * base}. URLs that cannot be made absolute http(s) or mailto URLs are removed.
     */
    public String sanitize(String html, URI base) {
        if (html.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(html, base.toString());
        Document clean = cleaner.clean(dirty);
        clean.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        return clean.body().html().strip();
    }

    /**
     * The text a reader would see in {@code html}: tags removed, entities decoded,
     * whitespace runs collapsed to one space, trimmed. For titles and names.
     */
    public static String plainText(String html) {
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html.strip().replaceAll("\\s+", " ");
        }
        return Jsoup.parseBodyFragment(html).body().text();
    }
}
