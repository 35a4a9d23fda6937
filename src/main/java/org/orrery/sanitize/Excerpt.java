package org.orrery.sanitize;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** The beginning of an entry's HTML: cut in the text, at a word, with every element closed. */
final class Excerpt {
    private Excerpt() {}

    static final String ELLIPSIS = "\u2026";

    static String of(String safeHtml, int maxChars, Set<String> omit) {
        if (maxChars < 0) {
            throw new IllegalArgumentException("maxChars < 0: " + maxChars);
        }
        Document doc = Jsoup.parseBodyFragment(safeHtml);
        Element body = doc.body();
        if (!omit.isEmpty()) {
            body.select(String.join(",", omit)).remove();
        }
        var cutter = new Cutter(maxChars);
        NodeTraversor.filter(cutter, body);
        if (cutter.cutAt != null) {
            for (Node node = cutter.cutAt; node != body; node = node.parent()) {
                while (node.nextSibling() != null) {
                    node.nextSibling().remove();
                }
            }
        }
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        return body.html().strip();
    }

    /** Counts text (a whitespace run counts once) and trims the text node where the limit falls. */
    private static final class Cutter implements NodeFilter {
        private final int max;
        private int used;
        private boolean lastWasSpace = true;
        private TextNode lastCounted;
        TextNode cutAt;

        Cutter(int max) {
            this.max = max;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (!(node instanceof TextNode text)) {
                return FilterResult.CONTINUE;
            }
            String s = text.getWholeText();
            boolean startsAWord = lastWasSpace;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                boolean space = Character.isWhitespace(cp);
                if (!(space && lastWasSpace)) {
                    if (used == max) {
                        cut(text, s.substring(0, i), space, startsAWord);
                        return FilterResult.STOP;
                    }
                    used++;
                }
                lastWasSpace = space;
                i += Character.charCount(cp);
            }
            if (!s.isBlank()) {
                lastCounted = text;
            }
            return FilterResult.CONTINUE;
        }

        /** Ends the excerpt in {@code text} after a whole word, else after the text before it. */
        private void cut(TextNode text, String kept, boolean cutOnSpace, boolean startsAWord) {
            String whole = wholeWords(kept, cutOnSpace, startsAWord);
            if (whole.isBlank() && lastCounted != null) {
                lastCounted.text(lastCounted.getWholeText().stripTrailing() + ELLIPSIS);
                cutAt = lastCounted;
            } else {
                text.text((whole.isBlank() ? kept.strip() : whole) + ELLIPSIS);
                cutAt = text;
            }
        }

        /** {@code kept} without a last word the cut split (blank when that was all of it). */
        private static String wholeWords(String kept, boolean cutOnSpace, boolean startsAWord) {
            String trimmed = kept.stripTrailing();
            if (cutOnSpace || trimmed.length() < kept.length()) {
                return trimmed;
            }
            int space = trimmed.length() - 1;
            while (space >= 0 && !Character.isWhitespace(trimmed.charAt(space))) {
                space--;
            }
            if (space >= 0) {
                return trimmed.substring(0, space).stripTrailing();
            }
            return startsAWord ? "" : trimmed;
        }
    }
}
