package org.orrery.filter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.orrery.config.FilterSpec;
import org.orrery.model.Entry;

/**
 * Venus's {@code excerpt.py}: the start of the summary (else the content), at most {@code
 * width} characters of text (default 500) cut at a word and ended with " …", markup kept except
 * the tags named in {@code omit}; an omitted {@code img} becomes a link to the image labelled
 * by its alt text (no link inside a link).
 *
 * <p>Orrery's entries have no excerpt field, so the excerpt becomes the entry's summary, which
 * templates show beside the full content.
 */
final class Excerpt implements EntryFilter {
    private final int width;
    private final List<String> omit;

    Excerpt(Map<String, String> params) {
        this.width = FilterSpec.wholeNumber(params, "width", 500);
        this.omit = List.of(params.getOrDefault("omit", "").strip().split("\\s+"));
    }

    @Override
    public Verdict apply(Entry e, Instant now, Instant firstSeen) {
        String source = e.summaryHtml().filter(s -> !s.isBlank()).orElse(e.contentHtml());
        if (source.isBlank()) {
            return new Verdict.Kept(e);
        }
        Document target = HtmlTrees.parse("");
        new Copy().children(HtmlTrees.parse(source).body(), target.body());
        return new Verdict.Kept(
                e.withBodies(e.contentHtml(), Optional.of(target.body().html())));
    }

    /** Copies nodes until the text would pass {@code width}. */
    private final class Copy {
        private int length;
        private boolean full;

        void children(Element source, Element target) {
            for (Node child : source.childNodes()) {
                if (full) {
                    return;
                }
                if (child instanceof Element element) {
                    element(element, target);
                } else if (child instanceof TextNode text) {
                    text(text.getWholeText(), target);
                }
            }
        }

        private void element(Element source, Element target) {
            String tag = source.normalName();
            if (omit.contains(tag)) {
                if (tag.equals("img")) {
                    image(source, target);
                } else {
                    children(source, target);
                }
                return;
            }
            Element copy = target.appendElement(tag);
            source.attributes().forEach(a -> copy.attr(a.getKey(), a.getValue()));
            children(source, copy);
        }

        private void image(Element img, Element target) {
            String alt = img.attr("alt").isEmpty() ? "<img>" : img.attr("alt");
            String src = img.attr("src");
            if (src.isEmpty() || target.closest("a") != null) {
                text(alt, target);
            } else {
                text(alt, target.appendElement("a").attr("href", src));
            }
        }

        private void text(String text, Element target) {
            String words = text.replaceAll("\\s+", " ");
            String trimmed = words.strip();
            int separator = length > 0 && !trimmed.isEmpty() ? 1 : 0;
            if (length + separator + trimmed.length() <= width) {
                target.appendText(text);
                length += trimmed.isEmpty() ? 0 : separator + trimmed.length();
                return;
            }
            // Cut at the last space that keeps the whole text within width, as textwrap does.
            int room = Math.max(0, width - length - separator);
            String head = trimmed.substring(0, Math.min(room + 1, trimmed.length()));
            int space = head.lastIndexOf(' ');
            String kept = space > 0 ? trimmed.substring(0, space) : (length == 0 ? trimmed.substring(0, room) : "");
            target.appendText((separator > 0 && words.startsWith(" ") ? " " : "") + kept + " \u2026");
            full = true;
        }
    }
}
