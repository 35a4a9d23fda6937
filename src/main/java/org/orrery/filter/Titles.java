package org.orrery.filter;

import java.util.Optional;
import org.jsoup.select.Elements;
import org.orrery.model.Entry;

/** Venus's title filters, {@code h1title.xslt} and {@code detitle.xslt}. */
final class Titles {
    private Titles() {}

    /**
     * {@code h1title.xslt}: when the entry's bodies hold exactly one {@code h1}, its text becomes
     * the title; every {@code h1} is removed from the bodies.
     */
    static EntryFilter h1Title() {
        return (e, now, firstSeen) -> {
            Elements h1s = new Elements();
            h1s.addAll(HtmlTrees.parse(e.contentHtml()).select("h1"));
            e.summaryHtml().ifPresent(s -> h1s.addAll(HtmlTrees.parse(s).select("h1")));
            if (h1s.isEmpty()) {
                return new Verdict.Kept(e);
            }
            String title = h1s.size() == 1 ? h1s.get(0).text() : e.title();
            Entry stripped = HtmlTrees.editBodies(e, doc -> doc.select("h1").remove());
            return new Verdict.Kept(stripped.withTitle(title));
        };
    }

    /**
     * {@code detitle.xslt}: a title of 30 characters or more that merely repeats the start of
     * the content or the summary (all but its last three characters) is dropped.
     */
    static EntryFilter deTitle() {
        return (e, now, firstSeen) -> {
            String title = e.title();
            if (title.length() < 30) {
                return new Verdict.Kept(e);
            }
            String head = title.substring(0, title.length() - 3);
            boolean repeats = startsWith(Optional.of(e.contentHtml()), head) || startsWith(e.summaryHtml(), head);
            return new Verdict.Kept(repeats ? e.withTitle("") : e);
        };
    }

    private static boolean startsWith(Optional<String> html, String head) {
        return html.map(HtmlTrees::text).filter(t -> t.startsWith(head)).isPresent();
    }
}
