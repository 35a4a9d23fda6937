package org.orrery.discover;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The feeds an HTML page points to, resolved against the page's URL (and its {@code <base>}):
 * those its head announces ({@code <link rel="alternate">} with an RSS, Atom or JSON Feed
 * type), and the {@code <a href>} links of its body that look like feeds. Neither is verified.
 */
final class FeedLinks {
    private static final Set<String> FEED_TYPES = Set.of(
            "application/rss+xml",
            "application/atom+xml",
            "application/feed+json",
            "application/json",
            "application/rdf+xml",
            "text/xml",
            "application/xml");

    /** At most this many body links are offered for checking: each costs the site a request. */
    static final int MAX_LINKED = 10;

    /** A path ending so is most likely a feed ({@code /feed}, {@code /index.rss}, {@code /atom.xml}). */
    private static final Pattern FEED_PATH =
            Pattern.compile("(?:/(?:feeds?|rss2?|atom)/?|\\.(?:rss|atom|rdf|xml))$", Pattern.CASE_INSENSITIVE);

    /** Link text or title naming a feed ("RSS", "Atom feed", "Subscribe via RSS"). */
    private static final Pattern FEED_WORDS = Pattern.compile("\\b(?:rss|atom|feed)\\b", Pattern.CASE_INSENSITIVE);

    /** A query selecting a feed, as WordPress's {@code ?feed=rss2}. */
    private static final Pattern FEED_QUERY = Pattern.compile("(?:^|&)feed=", Pattern.CASE_INSENSITIVE);

    /** One link to a possible feed, with the title the page gives it. */
    record Link(URI uri, Optional<String> title) {}

    /**
     * What a page points to.
     *
     * @param announced its head's feed links, in document order, each once
     * @param linked its body's links that look like feeds, in document order, each once, at most
     *     {@link #MAX_LINKED}, none of them announced too
     */
    record Page(List<Link> announced, List<Link> linked) {
        Page {
            announced = List.copyOf(announced);
            linked = List.copyOf(linked);
        }
    }

    private FeedLinks() {}

    static Page of(byte[] html, Optional<String> charset, URI page) {
        Document document = Jsoup.parse(
                new String(html, charset.flatMap(FeedLinks::charsetOf).orElse(StandardCharsets.UTF_8)),
                page.toString());
        Set<URI> seen = new LinkedHashSet<>();
        seen.add(page);
        List<Link> announced = new ArrayList<>();
        for (Element link : document.select("link[rel][href][type]")) {
            boolean alternate = List.of(
                            link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"))
                    .contains("alternate");
            String type = link.attr("type").strip().toLowerCase(Locale.ROOT);
            if (alternate && FEED_TYPES.contains(type)) {
                uriOf(link).filter(seen::add).ifPresent(uri -> announced.add(new Link(uri, titleOf(link))));
            }
        }
        List<Link> linked = new ArrayList<>();
        for (Element anchor : document.select("a[href]")) {
            if (linked.size() == MAX_LINKED) {
                break;
            }
            Optional<URI> uri = uriOf(anchor);
            if (uri.isPresent() && looksLikeFeed(anchor, uri.get()) && seen.add(uri.get())) {
                linked.add(new Link(uri.get(), titleOf(anchor).or(() -> textOf(anchor))));
            }
        }
        return new Page(announced, linked);
    }

    private static boolean looksLikeFeed(Element anchor, URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean sitemap = path.toLowerCase(Locale.ROOT).contains("sitemap");
        return !sitemap
                && (FEED_TYPES.contains(anchor.attr("type").strip().toLowerCase(Locale.ROOT))
                        || FEED_PATH.matcher(path).find()
                        || (uri.getRawQuery() != null
                                && FEED_QUERY.matcher(uri.getRawQuery()).find())
                        || host.startsWith("feeds.")
                        || FEED_WORDS
                                .matcher(anchor.text() + " " + anchor.attr("title"))
                                .find());
    }

    private static Optional<URI> uriOf(Element element) {
        String href = element.absUrl("href");
        if (href.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(href);
            // The fragment names a place in the page, not another document.
            return Optional.of(uri.getRawFragment() == null ? uri : URI.create(href.substring(0, href.indexOf('#'))));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a link no client could follow is no feed
        }
    }

    private static Optional<String> titleOf(Element element) {
        String title = element.attr("title").strip();
        return title.isEmpty() ? Optional.empty() : Optional.of(title);
    }

    private static Optional<String> textOf(Element element) {
        String text = element.text().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static Optional<Charset> charsetOf(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // unknown charset name: read as UTF-8, good enough for links
        }
    }
}
