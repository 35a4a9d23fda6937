package org.orrery.filter;

import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.orrery.model.Entry;

/** HTML fragments (bodies, titles) as jsoup trees to read or edit, written back as the sanitiser writes them. */
final class HtmlTrees {
    private HtmlTrees() {}

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
        return e.withBodies(edit(e.contentHtml(), edit), e.summaryHtml().map(s -> edit(s, edit)));
    }

    static String text(String html) {
        return html.isBlank() ? "" : parse(html).body().text();
    }
}
