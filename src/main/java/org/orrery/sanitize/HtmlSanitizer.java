package org.orrery.sanitize;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;

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
    private final Cleaner cleaner = new Cleaner(Policy.safelist());
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

    /** A sanitiser for a planet's {@code iframe_hosts} option (space-separated hosts; may be null). */
    public static HtmlSanitizer forIframeHosts(String iframeHostsOption) {
        if (iframeHostsOption == null || iframeHostsOption.isBlank()) {
            return new HtmlSanitizer();
        }
        return new HtmlSanitizer(Arrays.asList(iframeHostsOption.strip().split("[\\s,]+")));
    }

    /**
     * Returns the safe form of {@code html}, with every URL resolved against {@code base}. URLs
     * that cannot be made absolute http(s) or mailto URLs are removed.
     */
    public String sanitize(String html, URI base) {
        if (html.isBlank()) {
            return "";
        }
        URL baseUrl = UrlRules.baseUrl(base);
        Document dirty = Jsoup.parseBodyFragment(html, base.toString());
        prepare(dirty.body(), baseUrl);
        Document clean = cleaner.clean(dirty);
        finish(clean.body(), baseUrl);
        clean.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        return clean.body().html().strip();
    }

    /** Rewrites in the untrusted tree, before the allow-list: what to drop whole, what to recover. */
    private void prepare(Element body, URL base) {
        List<Element> dropped = new ArrayList<>();
        List<Element> media = new ArrayList<>();
        List<Element> iframes = new ArrayList<>();
        List<Element> noscripts = new ArrayList<>();
        List<Element> foreign = new ArrayList<>();
        for (Element el : body.getAllElements()) {
            String name = el.normalName();
            if (Policy.DROPPED_WITH_CONTENT.contains(name)) {
                dropped.add(el);
            } else if (!el.tag().namespace().equals(Parser.NamespaceHtml)) {
                foreign.add(el); // a MathML <a> or <source> is not the HTML element of that name
            } else if (LazyMedia.ELEMENTS.contains(name)) {
                media.add(el);
                if (name.equals("iframe")) {
                    iframes.add(el);
                }
            } else if (name.equals("noscript")) {
                noscripts.add(el);
            }
        }
        dropped.forEach(Element::remove);
        foreign.forEach(Element::unwrap);
        media.forEach(LazyMedia::promote);
        iframes.forEach(iframe -> embeds.rewrite(iframe, base));
        LazyMedia.unwrapNoscript(body, noscripts);
    }

    /** Checks on the allowed tree: URLs, srcset, style, and the attributes we add. */
    private void finish(Element body, URL base) {
        for (Element el : body.getAllElements()) {
            if (el == body) {
                continue;
            }
            for (Attribute attribute : List.copyOf(el.attributes().asList())) {
                checkAttribute(el, attribute.getKey(), attribute.getValue(), base);
            }
            switch (el.normalName()) {
                case "a", "area" -> {
                    if (decorate && el.hasAttr("href")) {
                        el.attr("rel", rel(el.attr("rel")));
                    }
                }
                case "img" -> {
                    if (decorate && el.hasAttr("src")) {
                        el.attr("loading", "lazy");
                    }
                }
                case "audio", "video" -> {
                    if (decorate) {
                        el.attr("controls", true);
                    }
                }
                case "dialog" -> el.removeAttr("open"); // an open dialog is positioned over the page
                case "iframe" -> el.attr("sandbox", Embeds.SANDBOX);
                default -> {}
            }
        }
    }

    private static void checkAttribute(Element el, String key, String value, URL base) {
        Optional<String> kept;
        if (!key.equals(key.toLowerCase(java.util.Locale.ROOT))) {
            kept = Optional.empty(); // only foreign elements keep the case of names; our checks go by lower case
        } else if (key.equals("style")) {
            kept = Optional.of(Css.filter(value)).filter(s -> !s.isEmpty());
        } else if (key.equals("srcset")) {
            kept = UrlRules.srcset(base, value);
        } else if (key.equals("src") && el.normalName().equals("img")) {
            kept = UrlRules.resolveImage(base, value);
        } else if (Policy.URL_ATTRIBUTES.contains(key)) {
            kept = UrlRules.resolve(base, value);
        } else if (key.startsWith("on")) {
            kept = Optional.empty(); // never allowed; checked again so a policy edit cannot let one through
        } else {
            return;
        }
        if (kept.isEmpty()) {
            el.removeAttr(key);
        } else if (!kept.get().equals(value)) {
            el.attr(key, kept.get());
        }
    }

    /** The author's link relations plus ours: the linked page gets no handle on the planet's window. */
    private static String rel(String authors) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String token : authors.strip().split("\\s+")) {
            if (token.matches("[a-zA-Z-]+") && !token.equalsIgnoreCase("opener")) {
                tokens.add(token.toLowerCase(java.util.Locale.ROOT));
            }
        }
        tokens.add("noopener");
        tokens.add("noreferrer");
        return String.join(" ", tokens);
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

    /**
     * The beginning of {@code safeHtml} (this sanitiser's output) holding at most {@code
     * maxChars} characters of text, cut after a whole word and ended with "…", every element
     * closed; unchanged when it is shorter. Elements named in {@code omit} are left out (Venus's
     * {@code excerpt} filter).
     */
    public static String excerpt(String safeHtml, int maxChars, Set<String> omit) {
        return Excerpt.of(safeHtml, maxChars, omit);
    }

    /** {@link #excerpt(String, int, Set)} leaving nothing out. */
    public static String excerpt(String safeHtml, int maxChars) {
        return Excerpt.of(safeHtml, maxChars, Set.of());
    }
}
