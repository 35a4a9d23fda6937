package org.orrery.sanitize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Images and players that load through a script once scrolled into view: their real URLs sit
 * in {@code data-*} attributes that the scripts (removed) would have copied.
 */
final class LazyMedia {
    private LazyMedia() {}

    /** Attributes that, by the convention of lazy-loading libraries, hold the real URL. */
    private static final List<String> SRC = List.of(
            "data-src", "data-lazy-src", "data-original", "data-lazyload", "data-echo", "data-url", "data-orig-src");

    private static final List<String> SRCSET = List.of("data-srcset", "data-lazy-srcset", "data-original-set");

    /** The elements whose URLs lazy loaders hold back. */
    static final Set<String> ELEMENTS = Set.of("img", "source", "iframe", "video", "audio");

    /** Copies the lazy URLs of {@code el} into {@code src}, {@code srcset} and {@code poster}. */
    static void promote(Element el) {
        String lazy = first(el, SRC);
        if (lazy.isEmpty() && placeholder(el.attr("src"))) {
            lazy = anySrc(el); // other data-*src names, only when there is no real src
        }
        if (!lazy.isEmpty()) {
            el.attr("src", lazy);
        }
        String lazySet = first(el, SRCSET);
        if (!lazySet.isEmpty()) {
            el.attr("srcset", lazySet);
        }
        if (el.hasAttr("data-poster")) {
            el.attr("poster", el.attr("data-poster"));
        }
    }

    /**
     * Removes from every {@code noscript} the images that repeat an image shown outside one (the
     * lazy image the scripts would have loaded, promoted here). The sanitiser then unwraps {@code
     * noscript}: its content is the fallback for the scripts it removed, so it is what the reader
     * should see. The element itself never reaches the page (browsers with scripting read its
     * content as text, another parser would not: a classic parsing differential). Runs before the
     * sanitiser's pass, on the untrusted tree, and only when there is a {@code noscript}.
     */
    static void dropRepeatedImages(Element body) {
        Set<String> shown = new HashSet<>();
        List<Element> noscripts = new ArrayList<>();
        collect(body, false, shown, noscripts);
        for (Element noscript : noscripts) {
            for (Element img : noscript.select("img[src]")) {
                if (isHtml(img) && shown.contains(img.absUrl("src"))) {
                    img.remove();
                }
            }
        }
    }

    /** The images shown outside any {@code noscript}, and the {@code noscript}s, of what will be published. */
    private static void collect(Element parent, boolean inNoscript, Set<String> shown, List<Element> noscripts) {
        for (Element el : parent.children()) {
            String name = el.normalName();
            if (Policy.DROPPED_WITH_CONTENT.contains(name)) {
                continue;
            }
            boolean html = isHtml(el);
            if (html && ELEMENTS.contains(name)) {
                promote(el);
            }
            if (html && name.equals("img") && !inNoscript && el.hasAttr("src")) {
                shown.add(el.absUrl("src"));
            }
            boolean noscript = html && name.equals("noscript");
            if (noscript) {
                noscripts.add(el);
            }
            collect(el, inNoscript || noscript, shown, noscripts);
        }
    }

    private static boolean isHtml(Element el) {
        return el.tag().namespace().equals(Parser.NamespaceHtml);
    }

    private static String first(Element el, List<String> names) {
        for (String name : names) {
            String value = el.attr(name).strip();
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    private static String anySrc(Element el) {
        for (Attribute a : el.attributes()) {
            if (a.getKey().startsWith("data-")
                    && a.getKey().endsWith("src")
                    && !a.getValue().isBlank()) {
                return a.getValue().strip();
            }
        }
        return "";
    }

    private static boolean placeholder(String src) {
        String s = src.strip();
        return s.isEmpty() || s.regionMatches(true, 0, "data:", 0, 5) || s.equals("about:blank");
    }
}
