package org.orrery.normalize;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.orrery.model.Entry;
import org.orrery.model.Sha256;
import org.orrery.parse.Html;
import org.orrery.parse.ParsedEntry;
import org.orrery.sanitize.HtmlSanitizer;
import org.orrery.sanitize.SafeUrls;

/**
 * Turns a parsed entry into the entry Orrery stores: identity decided, link made safe, bodies
 * kept as the feed gave them with the URL they resolve against (sanitised when published), or
 * sanitised now where something reads them before they are stored.
 */
public final class EntryNormalizer {
    private final HtmlSanitizer sanitizer;
    private final boolean sanitisingNow;

    private EntryNormalizer(HtmlSanitizer sanitizer, boolean sanitisingNow) {
        this.sanitizer = sanitizer;
        this.sanitisingNow = sanitisingNow;
    }

    /**
     * Keeps bodies as the feed gave them, for the store; publishing sanitises them. {@code
     * sanitizer} is the planet's, for the rare summary that must be sanitised now.
     */
    public static EntryNormalizer raw(HtmlSanitizer sanitizer) {
        return new EntryNormalizer(sanitizer, false);
    }

    /**
     * Sanitises bodies now: for {@code orrery parse}, and for a subscription whose filters read
     * bodies, which see them sanitised, as they always have.
     */
    public static EntryNormalizer sanitising(HtmlSanitizer sanitizer) {
        return new EntryNormalizer(sanitizer, true);
    }

    public Entry normalize(ParsedEntry parsed) {
        String title = parsed.title().orElse("");
        Optional<Html> rawContent = parsed.content().filter(h -> !h.html().isBlank());
        Optional<Html> rawSummary = parsed.summary().filter(h -> !h.html().isBlank());
        // One base for both bodies: the content's. A summary under another xml:base (rare) is
        // sanitised now, which makes its URLs absolute, so that any base leaves it as it is.
        Optional<URI> base = rawContent.or(() -> rawSummary).map(Html::base);
        Optional<String> content = rawContent.map(this::body).filter(s -> !s.isEmpty());
        Optional<String> summary = rawSummary
                .map(h -> base.filter(h.base()::equals).isPresent() ? body(h) : sanitized(h))
                .filter(s -> !s.isEmpty());
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
                        .toList(),
                base,
                parsed.details());
    }

    /**
     * {@code entry}, normalised {@linkplain #raw raw}, with its bodies sanitised as {@link
     * #sanitising} would have made them: the content, else (when the sanitiser leaves nothing of
     * it) the summary, and the summary only when it differs from that.
     */
    public Entry sanitised(Entry entry) {
        if (entry.base().isEmpty()) {
            return entry; // no body (a body always comes with the URL it resolves against)
        }
        URI base = entry.base().get();
        Optional<String> content = Optional.of(entry.contentHtml())
                .filter(s -> !s.isEmpty())
                .map(s -> sanitizer.sanitize(s, base))
                .filter(s -> !s.isEmpty());
        Optional<String> summary =
                entry.summaryHtml().map(s -> sanitizer.sanitize(s, base)).filter(s -> !s.isEmpty());
        String body = content.or(() -> summary).orElse("");
        return entry.withBodies(body, content.isPresent() ? summary.filter(s -> !s.equals(body)) : Optional.empty());
    }

    private String body(Html html) {
        return sanitisingNow ? sanitized(html) : html.html();
    }

    private String sanitized(Html html) {
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
