package org.orrery.parse;

import java.util.Optional;
import org.orrery.model.Enclosure;

/** A line-per-field text rendering of a parse result, compared with hand-written goldens. */
final class Golden {
    private Golden() {}

    static String render(ParsedFeed feed) {
        StringBuilder out = new StringBuilder();
        line(out, "", "format", Optional.of(feed.format()));
        line(out, "", "title", feed.title());
        line(out, "", "link", feed.link());
        line(out, "", "subtitle", feed.subtitle());
        line(out, "", "language", feed.language());
        line(out, "", "updated", feed.updated());
        line(out, "", "icon", feed.credits().icon());
        line(out, "", "logo", feed.credits().logo());
        line(out, "", "rights", feed.credits().rights());
        line(out, "", "generator", feed.credits().generator());
        feed.warnings().forEach(w -> line(out, "", "warning", Optional.of(w)));
        int n = 0;
        for (ParsedEntry entry : feed.entries()) {
            out.append("entry ").append(++n).append('\n');
            line(out, "  ", "id", entry.id());
            line(out, "  ", "title", entry.title());
            line(out, "  ", "link", entry.link());
            line(out, "  ", "author", entry.author());
            line(out, "  ", "published", entry.published());
            line(out, "  ", "updated", entry.updated());
            line(out, "  ", "content", entry.content().map(Html::html));
            line(out, "  ", "content base", entry.content().map(Html::base));
            line(out, "  ", "summary", entry.summary().map(Html::html));
            line(out, "  ", "summary base", entry.summary().map(Html::base));
            line(out, "  ", "rights", entry.details().rights());
            entry.categories().forEach(c -> line(out, "  ", "category", Optional.of(c)));
            for (Enclosure e : entry.enclosures()) {
                String length = e.length().isPresent() ? " " + e.length().getAsLong() : "";
                line(
                        out,
                        "  ",
                        "enclosure",
                        Optional.of(e.url() + e.type().map(t -> " " + t).orElse("") + length));
            }
        }
        return out.toString();
    }

    static String renderError(FeedParseException e) {
        return "error: " + escape(e.getMessage()) + "\n";
    }

    private static void line(StringBuilder out, String indent, String name, Optional<?> value) {
        value.ifPresent(v -> out.append(indent)
                .append(name)
                .append(": ")
                .append(escape(v.toString()))
                .append('\n'));
    }

    /** Keeps one value on one line: backslash and newline escaped. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
