package org.orrery.filter;

import java.util.Optional;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.orrery.model.Entry;

/** Edits of an entry's bodies as jsoup trees, serialised the way the sanitiser writes them. */
final class Html {
    private Html() {}

    static Document parse(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        return doc;
    }

    static String edit(String html, Consumer<Document> edit) {
        if (html.isBlank()) {
            return html;
        }
        Document doc = parse(html);
        edit.accept(doc);
        return doc.body().html();
    }

    /** The entry with the same edit applied to its content and its summary. */
    static Entry editBodies(Entry e, Consumer<Document> edit) {
        return withBodies(e, edit(e.contentHtml(), edit), e.summaryHtml().map(s -> edit(s, edit)));
    }

    static Entry withBodies(Entry e, String content, Optional<String> summary) {
        return e.withBodies(content, summary);
    }

    static Entry withTitle(Entry e, String title) {
        return e.withTitle(title);
    }

    static String text(String html) {
        return html.isBlank() ? "" : parse(html).body().text();
    }
}
