package org.orrery.filter;

import java.time.Instant;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.orrery.config.FilterSpec;
import org.orrery.model.Entry;

/**
 * Venus's {@code minhead.py}: when the entry has a heading above {@code h<min>} (default 3),
 * every heading moves down so that the highest becomes {@code h<min>}; h6 may become h7 or
 * beyond, as in Venus.
 */
final class MinHead implements EntryFilter {
    private final int min;

    MinHead(Map<String, String> params) {
        this.min = FilterSpec.wholeNumber(params, "min", 3);
    }

    @Override
    public Verdict apply(Entry e, Instant now, Instant firstSeen) {
        int top =
                Math.min(top(e.contentHtml()), e.summaryHtml().map(MinHead::top).orElse(7));
        if (top >= min) {
            return new Verdict.Kept(e);
        }
        int shift = min - top;
        return new Verdict.Kept(HtmlTrees.editBodies(e, doc -> shift(doc, shift)));
    }

    /** The highest heading level in the HTML (1 for h1), 7 when there is none. */
    private static int top(String html) {
        if (html.isBlank() || !html.contains("<h")) {
            return 7;
        }
        Document doc = HtmlTrees.parse(html);
        for (int level = 1; level <= 6; level++) {
            if (!doc.getElementsByTag("h" + level).isEmpty()) {
                return level;
            }
        }
        return 7;
    }

    private static void shift(Document doc, int shift) {
        for (Element heading : doc.select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.normalName().charAt(1) - '0';
            heading.tagName("h" + (level + shift));
        }
    }
}
