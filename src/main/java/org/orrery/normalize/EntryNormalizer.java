package org.orrery.normalize;

import java.time.Instant;
import java.util.Optional;
import org.orrery.model.Entry;
import org.orrery.model.Sha256;
import org.orrery.parse.Html;
import org.orrery.parse.ParsedEntry;
import org.orrery.sanitize.HtmlSanitizer;
import org.orrery.sanitize.SafeUrls;

/** Turns a parsed entry into the entry Orrery stores: identity decided, bodies and link made safe. */
public final class EntryNormalizer {
    private final HtmlSanitizer sanitizer;

    public EntryNormalizer(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    public Entry normalize(ParsedEntry parsed) {
        String title = parsed.title().orElse("");
        Optional<String> content = parsed.content().map(this::safe).filter(s -> !s.isEmpty());
        Optional<String> summary = parsed.summary().map(this::safe).filter(s -> !s.isEmpty());
        String body = content.or(() -> summary).orElse("");
        // The summary is kept only when there is a fuller body beside it.
        Optional<String> distinctSummary =
                content.isPresent() ? summary.filter(s -> !s.equals(body)) : Optional.empty();
        return new Entry(
                key(parsed, title),
                title,
                // Stored only if it may be published: a javascript: link would run when clicked.
                parsed.link().flatMap(SafeUrls::of),
                parsed.author().filter(a -> !a.isBlank()),
                parsed.published(),
                parsed.updated(),
                body,
                distinctSummary,
                parsed.categories(),
                // Published as links and players: http and https only, like every URL published.
                parsed.enclosures().stream()
                        .filter(e -> SafeUrls.file(e.url()).isPresent())
                        .toList());
    }

    private String safe(Html html) {
        return sanitizer.sanitize(html.html(), html.base());
    }

    /**
     * The entry's identity within its feed: its id, else its link, else a hash of its title
     * and date, so that an entry re-published unchanged is recognised.
     */
    static String key(ParsedEntry parsed, String title) {
        Optional<String> id = parsed.id().map(String::strip).filter(s -> !s.isEmpty());
        if (id.isPresent()) {
            return id.get();
        }
        if (parsed.link().isPresent()) {
            return parsed.link().get().toString();
        }
        String date =
                parsed.published().or(parsed::updated).map(Instant::toString).orElse("");
        String body = date.isEmpty() && title.isEmpty()
                ? parsed.content().or(parsed::summary).map(Html::html).orElse("")
                : "";
        return "sha256:" + Sha256.hex(title + "\n" + date + "\n" + body);
    }
}
