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
 * media promoted, iframes vetted, and the publishing attributes added. One per sanitised body.
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
        children(body);
        if (sawNoscript) {
            LazyMedia.dropRepeatedImages(body);
            out.setLength(start);
            children(body);
        }
    }

    /** Writes the allowed content of {@code parent}; returns how many nodes it wrote at this level. */
    int children(Element parent) {
        int written = 0;
        for (Node child = parent.firstChild(); child != null; child = child.nextSibling()) {
            written += node(child);
        }
        return written;
    }

    private int node(Node node) {
        if (node instanceof TextNode text) { // CDATA sections included: they are text
            Escape.text(out, text.getWholeText());
            return 1;
        }
        if (!(node instanceof Element el)) {
            return 0; // comments, doctypes; and data, which only script-like elements hold
        }
        String name = el.normalName();
        if (Policy.DROPPED_WITH_CONTENT.contains(name)) {
            return 0;
        }
        if (!el.tag().namespace().equals(Parser.NamespaceHtml)) {
            return children(el); // a MathML <a> or <source> is not the HTML element of that name
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
            return children(el);
        }
        element(el, name);
        return 1;
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
                Escape.attribute(out, value);
                out.append('"');
            }
        }
        out.append('>');
        if (children(el) > 0 || !el.tag().isEmpty()) {
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
