package org.orrery.filter;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.parser.Parser;
import org.orrery.config.SubscriptionOptions;
import org.orrery.model.Entry;
import org.orrery.sanitize.Escape;
import org.orrery.sanitize.HtmlSanitizer;

/**
 * Venus's {@code scrub.py} on an entry: fields the feed gets wrong dropped ({@code
 * ignore_in_feed}) and text types forced ({@code title_type}, {@code summary_type}, {@code
 * content_type}, {@code name_type}).
 *
 * <p>Entries arrive with a plain-text title and sanitised bodies, so forcing acts on those:
 * {@code html} strips markup a feed left in a title or name and turns escaped markup in a body
 * back into (sanitised) HTML; {@code text} shows a body's markup as text. A plain title cannot
 * be turned back into the markup the parser removed, so {@code title_type = text} changes
 * nothing.
 */
final class Scrub implements EntryFilter {
    private static final HtmlSanitizer SANITIZER = new HtmlSanitizer();
    private final Set<String> ignore;
    private final SubscriptionOptions options;
    private final URI feedUri;

    Scrub(SubscriptionOptions options, URI feedUri) {
        this.ignore = options.ignoreInFeed();
        this.options = options;
        this.feedUri = feedUri;
    }

    /** Only forcing a body's type reads it; dropping one does not. */
    @Override
    public boolean readsBodies() {
        return options.contentType().isPresent() || options.summaryType().isPresent();
    }

    @Override
    public Verdict apply(Entry e, Instant now, Instant firstSeen) {
        String key = e.key();
        if (ignore.contains("id") && e.link().isPresent()) {
            // Without its id an entry is known by its link, as the normaliser would have done.
            key = e.link().get().toString();
        }
        String title = ignore.contains("title") ? "" : e.title();
        if (options.titleType().filter(t -> t.contains("html")).isPresent()) {
            title = HtmlTrees.text(title);
        }
        Optional<String> author = ignore.contains("author") ? Optional.empty() : e.author();
        if (options.nameType().filter(t -> t.contains("html")).isPresent()) {
            author = author.map(HtmlTrees::text).filter(a -> !a.isBlank());
        }
        URI base = e.link().orElse(feedUri);
        String content = ignore.contains("content") ? "" : forced(e.contentHtml(), options.contentType(), base);
        Optional<String> summary = ignore.contains("summary")
                ? Optional.empty()
                : e.summaryHtml().map(s -> forced(s, options.summaryType(), base));
        return new Verdict.Kept(new Entry(
                key,
                title,
                ignore.contains("link") ? Optional.empty() : e.link(),
                author,
                ignore.contains("published") ? Optional.empty() : e.published(),
                ignore.contains("updated") ? Optional.empty() : e.updated(),
                content,
                summary,
                ignore.contains("category") || ignore.contains("tags") ? List.of() : e.categories(),
                ignore.contains("enclosure") || ignore.contains("enclosures") ? List.of() : e.enclosures(),
                e.base(),
                e.details()));
    }

    private static String forced(String html, Optional<String> type, URI base) {
        if (type.isEmpty() || html.isBlank()) {
            return html;
        }
        if (type.get().equals("text/plain")) {
            return Escape.jsoupAnywhere(html);
        }
        if (type.get().contains("html") && html.indexOf('<') < 0 && html.contains("&lt;")) {
            // Escaped markup (a body the feed declared as text): read it as HTML, made safe again.
            return SANITIZER.sanitize(Parser.unescapeEntities(html, false), base);
        }
        return html;
    }
}
