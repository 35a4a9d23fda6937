package org.orrery.sanitize;

import java.net.URI;
import java.net.URL;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.orrery.model.Sha256;

/**
 * Makes untrusted HTML from a feed safe to publish on the planet's domain, and faithful: its
 * relative URLs absolute, its lazy images visible, its embeds playable.
 *
 * <p>Threat model: feed content is written by strangers and served from the planet's origin,
 * so anything executable (scripts, event handlers, {@code javascript:} and other non-web URL
 * schemes, forms, plug-ins, SVG and MathML scripting, CSS that loads or runs code) is an XSS
 * hole for every reader. Only what {@link Policy} allows survives; the output is a serialised
 * tree, so it is well-formed HTML5 that closes every element it opens and parses back to the
 * same tree in a browser. docs/sanitizing.md states the policy for planet maintainers.
 * Thread-safe.
 */
public final class HtmlSanitizer {
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    /**
     * The version of what the sanitiser keeps and how it writes it. Raise it with any change
     * that would publish a stored body differently: bodies sanitised under another version are
     * sanitised again when next published ({@link BodyGate}).
     */
    public static final int POLICY_VERSION = 3;

    private final Embeds embeds;
    private final boolean decorate;

    /** A sanitiser whose iframes come only from {@link Embeds#DEFAULT_HOSTS}. */
    public HtmlSanitizer() {
        this(List.of());
    }

    /** A sanitiser that also keeps iframes from {@code extraIframeHosts} (exact host names). */
    public HtmlSanitizer(Collection<String> extraIframeHosts) {
        this(new Embeds(extraIframeHosts), true);
    }

    private HtmlSanitizer(Embeds embeds, boolean decorate) {
        this.embeds = embeds;
        this.decorate = decorate;
    }

    /**
     * The same policy without the attributes added for publishing: links get no {@code rel=
     * "noopener noreferrer"}, images no {@code loading="lazy"}, audio and video no {@code
     * controls} unless the feed gave them. Everything the policy removes is removed all the
     * same; an embed keeps its {@code sandbox}. This is what {@code orrery parse --json} shows,
     * so it can be compared with other readers of the same feed.
     */
    public HtmlSanitizer undecorated() {
        return new HtmlSanitizer(embeds, false);
    }

    /**
     * What decides this sanitiser's output besides its input: {@link #POLICY_VERSION}, the
     * iframe hosts, whether it decorates. The store's cache of sanitised bodies is keyed by it.
     */
    public String policy() {
        String options = (decorate ? "" : " undecorated") + embeds.policy();
        return POLICY_VERSION + ":" + Sha256.hex(options).substring(0, 16);
    }

    /**
     * Returns the safe form of {@code html}, with every URL resolved against {@code base}. URLs
     * that cannot be made absolute http(s) or mailto URLs are removed.
     */
    public String sanitize(String html, URI base) {
        if (html.isBlank()) {
            return "";
        }
        if (isPlainText(html)) {
            var out = new StringBuilder(html.length() + 16);
            Escape.jsoupText(out, html);
            return out.toString().strip();
        }
        URL baseUrl = baseUrl(base);
        Element body = Jsoup.parseBodyFragment(html, base.toString()).body();
        var out = new StringBuilder(html.length() + (html.length() >> 3) + 16);
        new SafeWriter(out, baseUrl, embeds, decorate).body(body);
        return out.toString().strip();
    }

    /**
     * Text that an HTML parser reads as one text node, unchanged: no markup, no character
     * references, and none of the characters the parser rewrites (NUL, CR) or reports.
     */
    private static boolean isPlainText(String html) {
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<' || c == '&' || c < 0x20 && c != '\t' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    /** The last base seen: a feed's entries share one, so its URL is parsed once per feed. */
    private volatile Base lastBase = new Base(null, null);

    private record Base(URI uri, URL url) {}

    private URL baseUrl(URI base) {
        Base last = lastBase;
        if (!base.equals(last.uri())) {
            last = new Base(base, UrlRules.baseUrl(base));
            lastBase = last;
        }
        return last.url();
    }

    /**
     * The text a reader would see in {@code html}: tags removed, entities decoded,
     * whitespace runs collapsed to one space, trimmed. For titles and names.
     */
    public static String plainText(String html) {
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return WHITESPACE_RUN.matcher(html.strip()).replaceAll(" ");
        }
        return Jsoup.parseBodyFragment(html).body().text();
    }
}
