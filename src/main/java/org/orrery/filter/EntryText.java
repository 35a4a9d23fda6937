package org.orrery.filter;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.orrery.model.Entry;

/**
 * An entry as human text, the way Venus's {@code regexp_sifter.py} reads it: no id, link,
 * dates or source; the values of {@code alt}, {@code title}, {@code label} or {@code term}
 * attributes (the first present, in that order) instead of their tags; no other markup;
 * entities decoded; whitespace runs as one space.
 */
final class EntryText {
    private static final List<String> KEPT_ATTRIBUTES = List.of("alt", "title", "label");

    private EntryText() {}

    static String of(Entry entry) {
        List<String> parts = new ArrayList<>();
        parts.add(entry.title());
        entry.summaryHtml().ifPresent(s -> parts.add(bodyText(s)));
        parts.add(bodyText(entry.contentHtml()));
        entry.author().ifPresent(parts::add);
        parts.addAll(entry.categories());
        return String.join(" ", parts).replaceAll("\\s+", " ").strip();
    }

    private static String bodyText(String html) {
        if (html.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (Node node : HtmlTrees.parse(html).body().childNodes()) {
            append(node, out);
        }
        return out.toString();
    }

    private static void append(Node node, StringBuilder out) {
        if (node instanceof TextNode text) {
            out.append(text.getWholeText());
        } else if (node instanceof Element element) {
            for (String attribute : KEPT_ATTRIBUTES) {
                if (element.hasAttr(attribute)) {
                    out.append(' ').append(element.attr(attribute)).append(' ');
                    break;
                }
            }
            out.append(' ');
            for (Node child : element.childNodes()) {
                append(child, out);
            }
            out.append(' ');
        }
    }
}
