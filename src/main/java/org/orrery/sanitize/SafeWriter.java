package org.orrery.sanitize;

import java.net.URL;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * One pass over a parsed, untrusted tree that writes only what {@link Policy} allows, as HTML:
 * elements dropped with their content, others unwrapped, attributes filtered and checked, lazy
 * media promoted, iframes vetted, drawings and equations reduced to {@link Foreign}'s subset, and
 * the publishing attributes added. One per sanitised body.
 */
final class SafeWriter {
    private final StringBuilder out;
    private final URL base;
    private final Embeds embeds;
    private final boolean decorate;

    /** The attributes of the element being written: names, and values (null for a bare name). */
    private String[] names = new String[8];

    private String[] values = new String[8];
    private int count;

    private boolean sawNoscript;

    SafeWriter(StringBuilder out, URL base, Embeds embeds, boolean decorate) {
        this.out = out;
        this.base = base;
        this.embeds = embeds;
        this.decorate = decorate;
    }

    /**
     * Writes the allowed content of {@code body}. When it holds a {@code noscript}, whose images
     * are judged against every image of the body ({@link LazyMedia#dropRepeatedImages}), writes it
     * again after that: the pass changes nothing in the tree that a second pass would not redo.
     */
    void body(Element body) {
        int start = out.length();
        children(body, HTML);
        if (sawNoscript) {
            LazyMedia.dropRepeatedImages(body);
            out.setLength(start);
            children(body, HTML);
        }
    }

    /** Where an element is: in HTML (or in SVG and MathML's text holders), in SVG, in MathML. */
    private static final int HTML = 0;

    private static final int SVG = 1;
    private static final int MATHML = 2;

    /** Writes the allowed content of {@code parent}; returns how many nodes it wrote at this level. */
    private int children(Element parent, int context) {
        int written = 0;
        for (Node child = parent.firstChild(); child != null; child = child.nextSibling()) {
            written += node(child, context);
        }
        return written;
    }

    private int node(Node node, int context) {
        if (node instanceof TextNode text) { // CDATA sections included: they are text
            Escape.jsoupText(out, text.getWholeText());
            return 1;
        }
        if (!(node instanceof Element el)) {
            return 0; // comments, doctypes; and data, which only script-like elements hold
        }
        String namespace = el.tag().namespace();
        if (!namespace.equals(Parser.NamespaceHtml)) {
            return foreign(el, namespace, context);
        }
        if (context != HTML) {
            // jsoup leaves a few HTML tags in SVG or MathML where a browser would close them
            return children(el, context);
        }
        String name = el.normalName();
        if (Policy.DROPPED_WITH_CONTENT.contains(name)) {
            return 0;
        }
        if (LazyMedia.ELEMENTS.contains(name)) {
            LazyMedia.promote(el);
            if (name.equals("iframe")) {
                el = embeds.rewrite(el, base);
                if (el == null) {
                    return 0;
                }
                name = el.normalName();
            }
        }
        if (!Policy.allowsElement(name)) {
            sawNoscript |= name.equals("noscript");
            return children(el, HTML);
        }
        element(el, name);
        return 1;
    }

    /**
     * An SVG or MathML element: written when {@link Foreign} keeps it where it is ({@code svg} and
     * {@code math} start a drawing or an equation in HTML), else unwrapped, or removed with its
     * content. A MathML {@code <a>} or {@code <source>} is not the HTML element of that name.
     */
    private int foreign(Element el, String namespace, int context) {
        String name = el.normalName();
        boolean svg = namespace.equals(Parser.NamespaceSvg);
        boolean mathml = namespace.equals(Parser.NamespaceMathml);
        if (svg && (context == SVG || context == HTML && name.equals("svg"))) {
            String proper = Foreign.svgElement(name);
            if (proper == null) {
                return 0;
            }
            foreignElement(el, proper, true, context == HTML);
            return 1;
        }
        if (mathml && (context == MATHML || context == HTML && name.equals("math"))) {
            if (Foreign.mathmlDropped(name)) {
                return 0;
            }
            if (Foreign.mathmlKept(name)) {
                foreignElement(el, name, false, context == HTML);
                return 1;
            }
        }
        return Policy.DROPPED_WITH_CONTENT.contains(name) ? 0 : children(el, context);
    }

    private void foreignElement(Element el, String name, boolean svg, boolean root) {
        count = 0;
        boolean link = svg && name.equals("a");
        String href = null;
        for (Attribute attribute : el.attributes()) {
            String key = attribute.getKey().toLowerCase(Locale.ROOT);
            String value = attribute.getValue();
            if (link && (key.equals("href") || key.equals("xlink:href"))) {
                if (href == null || key.equals("href")) {
                    href = value; // SVG 2: href wins over xlink:href
                }
                continue;
            }
            if (link && key.equals("xmlns:xlink")) {
                continue; // written with the link, after it
            }
            String kept = svg ? Foreign.svgAttribute(key, value, root) : Foreign.mathmlAttribute(key, value);
            if (kept != null && indexOf(kept) < 0) {
                add(kept, value);
            }
        }
        if (href != null) {
            UrlRules.resolve(base, href).filter(u -> !u.isEmpty()).ifPresent(url -> {
                add("xlink:href", url); // the spelling every SVG reader knows
                add("xmlns:xlink", Foreign.XLINK_NAMESPACE);
            });
        }
        if (root) {
            // what an XML reader of the planet's own feeds needs to see a drawing or an equation
            put("xmlns", svg ? Foreign.SVG_NAMESPACE : Foreign.MATHML_NAMESPACE);
        }
        out.append('<').append(name);
        for (int i = 0; i < count; i++) {
            out.append(' ').append(names[i]).append("=\"");
            Escape.jsoupAttribute(out, values[i]);
            out.append('"');
        }
        out.append('>');
        // explicit end tags: a browser reads <x/> as self-closing only in SVG and MathML
        children(el, Foreign.isIntegrationPoint(name) ? HTML : svg ? SVG : MATHML);
        out.append("</").append(name).append('>');
    }

    private void element(Element el, String name) {
        count = 0;
        for (Attribute attribute : el.attributes()) {
            String key = attribute.getKey();
            if (Policy.allowsAttribute(name, key.toLowerCase(Locale.ROOT))) {
                check(name, key, attribute.getValue()); // a bare name counts as empty, as in jsoup's copy
            }
        }
        switch (name) {
            case "a", "area" -> {
                if (decorate && indexOf("href") >= 0) {
                    int rel = indexOf("rel");
                    put("rel", rel(rel < 0 || values[rel] == null ? "" : values[rel]));
                }
            }
            case "img" -> {
                if (decorate && indexOf("src") >= 0) {
                    put("loading", "lazy");
                }
            }
            case "audio", "video" -> {
                if (decorate) {
                    put("controls", null);
                }
            }
            case "pre", "table" -> {
                // Themes let these scroll sideways on a narrow screen; a keyboard can scroll only what it can focus.
                if (decorate) {
                    put("tabindex", "0");
                }
            }
            case "dialog" -> remove("open"); // an open dialog is positioned over the page
            case "iframe" -> put("sandbox", Embeds.SANDBOX);
            default -> {}
        }
        String tagName = el.tagName();
        out.append('<').append(tagName);
        for (int i = 0; i < count; i++) {
            out.append(' ').append(names[i]);
            String value = values[i];
            if (value != null && !(isBoolean(names[i]) && (value.isEmpty() || value.equalsIgnoreCase(names[i])))) {
                out.append("=\"");
                Escape.jsoupAttribute(out, value);
                out.append('"');
            }
        }
        out.append('>');
        if (children(el, HTML) > 0 || !el.tag().isEmpty()) {
            out.append("</").append(tagName).append('>');
        }
    }

    /** Adds the attribute {@code key} if it passes its check, with the value the check gives. */
    private void check(String element, String key, String given) {
        Optional<String> kept;
        if (!key.equals(key.toLowerCase(Locale.ROOT))) {
            return; // only foreign elements keep the case of names; our checks go by lower case
        } else if (key.equals("style")) {
            String css = Css.filter(given);
            kept = css.isEmpty() ? Optional.empty() : Optional.of(css);
        } else if (key.equals("srcset")) {
            kept = UrlRules.srcset(base, given);
        } else if (key.equals("src") && element.equals("img")) {
            kept = UrlRules.resolveImage(base, given);
        } else if (Policy.URL_ATTRIBUTES.contains(key)) {
            kept = UrlRules.resolve(base, given);
        } else if (key.equals("referrerpolicy")) {
            String policy = given.strip().toLowerCase(Locale.ROOT);
            kept = Policy.REFERRER_POLICIES.contains(policy) ? Optional.of(policy) : Optional.empty();
        } else if (key.startsWith("on")) {
            return; // never allowed; checked again so a policy edit cannot let one through
        } else {
            kept = Optional.of(given);
        }
        if (kept.isPresent()) {
            add(key, kept.get());
        }
    }

    private int indexOf(String key) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Sets {@code key} in place when present, else adds it last (as jsoup's {@code attr} does). */
    private void put(String key, String value) {
        int i = indexOf(key);
        if (i >= 0) {
            values[i] = value;
        } else {
            add(key, value);
        }
    }

    private void add(String key, String value) {
        if (count == names.length) {
            names = java.util.Arrays.copyOf(names, count * 2);
            values = java.util.Arrays.copyOf(values, count * 2);
        }
        names[count] = key;
        values[count] = value;
        count++;
    }

    private void remove(String key) {
        int i = indexOf(key);
        if (i >= 0) {
            System.arraycopy(names, i + 1, names, i, count - i - 1);
            System.arraycopy(values, i + 1, values, i, count - i - 1);
            count--;
        }
    }

    /** HTML's boolean attributes, written bare when empty or named as their value (jsoup's list). */
    private static final Set<String> BOOLEAN = Set.of(
            "allowfullscreen",
            "async",
            "autofocus",
            "checked",
            "compact",
            "declare",
            "default",
            "defer",
            "disabled",
            "formnovalidate",
            "hidden",
            "inert",
            "ismap",
            "itemscope",
            "multiple",
            "muted",
            "nohref",
            "noresize",
            "noshade",
            "novalidate",
            "nowrap",
            "open",
            "readonly",
            "required",
            "reversed",
            "seamless",
            "selected",
            "sortable",
            "truespeed",
            "typemustmatch");

    private static boolean isBoolean(String name) {
        return BOOLEAN.contains(name);
    }

    /** The author's link relations plus ours: the linked page gets no handle on the planet's window. */
    static String rel(String authors) {
        if (authors.isEmpty()) {
            return "noopener noreferrer";
        }
        Set<String> tokens = new LinkedHashSet<>();
        String all = authors.strip();
        int i = 0;
        int n = all.length();
        while (i < n) {
            while (i < n && isSpace(all.charAt(i))) {
                i++;
            }
            int start = i;
            boolean word = true;
            while (i < n && !isSpace(all.charAt(i))) {
                char c = all.charAt(i++);
                word &= c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-';
            }
            String token = all.substring(start, i);
            if (word && !token.isEmpty() && !token.equalsIgnoreCase("opener")) {
                tokens.add(token.toLowerCase(Locale.ROOT));
            }
        }
        tokens.add("noopener");
        tokens.add("noreferrer");
        return String.join(" ", tokens);
    }

    /** What {@code \s} matches in a Java regex: ASCII space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }
}
