package org.orrery.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The feeds an HTML page announces in its head: {@code <link rel="alternate">} with an RSS,
 * Atom or JSON Feed type, resolved against the page's URL (and its {@code <base>}).
 */
public final class FeedLinks {
    private static final Set<String> FEED_TYPES = Set.of(
            "application/rss+xml",
            "application/atom+xml",
            "application/feed+json",
            "application/json",
            "application/rdf+xml",
            "text/xml",
            "application/xml");

    /** One announced feed, with the title the page gives it. */
    public record Link(URI uri, Optional<String> title, String type) {}

    private FeedLinks() {}

    /** The announced feeds in document order, each once; empty when the page names none. */
    public static List<Link> of(byte[] html, Optional<String> charset, URI page) {
        Document document = Jsoup.parse(
                new String(html, charset.flatMap(FeedLinks::charsetOf).orElse(StandardCharsets.UTF_8)),
                page.toString());
        Set<URI> seen = new LinkedHashSet<>();
        List<Link> links = new ArrayList<>();
        for (Element link : document.select("link[rel][href][type]")) {
            boolean alternate = List.of(
                            link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"))
                    .contains("alternate");
            String type = link.attr("type").strip().toLowerCase(Locale.ROOT);
            String href = link.absUrl("href");
            if (!alternate || !FEED_TYPES.contains(type) || href.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = URI.create(href);
            } catch (IllegalArgumentException e) {
                continue; // a link no client could follow is no feed
            }
            if (seen.add(uri)) {
                String title = link.attr("title").strip();
                links.add(new Link(uri, title.isEmpty() ? Optional.empty() : Optional.of(title), type));
            }
        }
        return links;
    }

    private static Optional<Charset> charsetOf(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // unknown charset name: read as UTF-8, good enough for a head
        }
    }
}
