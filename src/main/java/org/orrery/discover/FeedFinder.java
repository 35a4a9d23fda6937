package org.orrery.discover;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.orrery.config.SubscriptionSections;
import org.orrery.fetch.FetchResult;
import org.orrery.fetch.Fetcher;
import org.orrery.fetch.PrivateAddresses;
import org.orrery.fetch.Redirect;
import org.orrery.model.Validators;
import org.orrery.parse.FeedParseException;
import org.orrery.parse.FeedParser;
import org.orrery.parse.ParsedFeed;

/**
 * Finds the feeds of a URL as a person gives it: the URL itself when it is a feed; else the
 * feeds its page announces in its head; else its links that look like feeds; else the first of
 * the usual feed paths that holds one (beside the page, then at the site's root). Every feed
 * offered has been fetched and parsed, through the fetcher a run uses (its redirects, limits,
 * TLS, User-Agent and private-address rule).
 */
public final class FeedFinder {
    /** Where sites commonly keep their feed (WordPress, Jekyll, Hugo, ...), in the order tried. */
    static final List<String> USUAL_PATHS = List.of("feed/", "atom.xml", "rss.xml", "index.xml", "feed.xml");

    private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*|^(?i:file):.*");

    private final Fetcher fetcher;
    private final boolean privateAllowed;
    private final FeedParser parser = new FeedParser();

    /**
     * @param privateAllowed whether every URL may reach private addresses (the planet's {@code
     *     allow_private_addresses}); otherwise only a URL given that names one, and what it leads to
     */
    public FeedFinder(Fetcher fetcher, boolean privateAllowed) {
        this.fetcher = fetcher;
        this.privateAllowed = privateAllowed;
    }

    /**
     * The URLs to try for {@code typed}, in order: itself when it has a scheme ({@code
     * https://}, {@code file:}, ...); else {@code https://} then {@code http://} before it. Empty
     * when it cannot be a URL.
     */
    public static List<URI> addresses(String typed) {
        String url = typed.strip();
        if (url.isEmpty() || url.chars().anyMatch(c -> c <= ' ')) {
            return List.of();
        }
        List<String> spelled =
                HAS_SCHEME.matcher(url).matches() ? List.of(url) : List.of("https://" + url, "http://" + url);
        List<URI> addresses = new ArrayList<>();
        for (String s : spelled) {
            try {
                URI uri = new URI(s);
                if (uri.isAbsolute()) {
                    // "https://example.org" asks for the site's root page, as a browser does.
                    addresses.add(
                            uri.getRawPath() != null && uri.getRawPath().isEmpty() && uri.getHost() != null
                                    ? uri.resolve("/")
                                    : uri);
                }
            } catch (java.net.URISyntaxException e) {
                return List.of(); // one spelling is not a URL, so neither is the other
            }
        }
        return addresses;
    }

    /** The feeds of {@code typed} (a feed's or a page's URL, with or without a scheme). */
    public Discovery find(String typed) {
        List<URI> addresses = addresses(typed);
        if (addresses.isEmpty()) {
            return new Discovery.NotFound("not a URL: " + typed);
        }
        List<String> notes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (URI address : addresses) {
            switch (get(address, privateAllowed || PrivateAddresses.namedBy(address))) {
                case Read read -> {
                    if (!failures.isEmpty()) {
                        notes.add(String.join("; ", failures) + "; read " + address + " instead");
                    }
                    return find(address, read, notes);
                }
                case Unread unread -> failures.add(address + ": " + unread.reason());
            }
        }
        return new Discovery.NotFound(String.join("; ", failures));
    }

    private Discovery find(URI address, Read read, List<String> notes) {
        // What a page leads to may be private only when the URL given is: a public page cannot
        // send discovery into the intranet (the rule a run applies to redirects).
        boolean mayReachPrivate = privateAllowed || PrivateAddresses.namedBy(address);
        if (read.feed().isPresent()) {
            return new Discovery.Found(
                    read.finalUri(), Discovery.Route.THE_URL, List.of(read.found(address, Optional.empty())), notes);
        }
        URI page = read.finalUri();
        var links = FeedLinks.of(read.body(), read.charset(), page);
        List<FoundFeed> announced = verify(links.announced(), page, "announces", mayReachPrivate, notes);
        if (!announced.isEmpty()) {
            return new Discovery.Found(page, Discovery.Route.ANNOUNCED, announced, notes);
        }
        List<FoundFeed> linked = verify(links.linked(), page, "links to", mayReachPrivate, notes);
        if (!linked.isEmpty()) {
            return new Discovery.Found(page, Discovery.Route.LINKED, linked, notes);
        }
        for (URI usual : usualPaths(page)) {
            if (get(usual, mayReachPrivate) instanceof Read r && r.feed().isPresent()) {
                return new Discovery.Found(
                        page, Discovery.Route.USUAL_PATH, List.of(r.found(usual, Optional.empty())), notes);
            }
        }
        return new Discovery.NotFound("no feed found at " + page + ": it is not a feed, "
                + (links.announced().isEmpty() ? "announces none in its head" : "announces none that works")
                + ", links to " + (links.linked().isEmpty() ? "nothing that looks like one" : "none that works")
                + ", and there is none at " + String.join(", ", USUAL_PATHS) + " beside it or at the site's root");
    }

    /** The links that lead to a feed, each feed once; a note for each that does not. */
    private List<FoundFeed> verify(
            List<FeedLinks.Link> links, URI page, String verb, boolean mayReachPrivate, List<String> notes) {
        Map<String, FoundFeed> found = new LinkedHashMap<>();
        for (FeedLinks.Link link : links) {
            switch (get(link.uri(), mayReachPrivate)) {
                case Read read
                when read.feed().isPresent() -> {
                    FoundFeed feed = read.found(link.uri(), link.title());
                    found.putIfAbsent(SubscriptionSections.sameFeedKey(feed.uri()), feed);
                }
                case Read read -> notes.add(page + " " + verb + " " + link.uri() + ", which is not a feed");
                case Unread unread -> notes.add(page + " " + verb + " " + link.uri() + ": " + unread.reason());
            }
        }
        return List.copyOf(found.values());
    }

    /** The usual paths beside the page (when it is not at the root), then at the root, each once. */
    static List<URI> usualPaths(URI page) {
        List<URI> bases = new ArrayList<>(List.of(page.resolve("./"), page.resolve("/")));
        if (bases.get(0).equals(bases.get(1))) {
            bases.remove(1);
        }
        List<URI> paths = new ArrayList<>();
        for (URI base : bases) {
            USUAL_PATHS.forEach(path -> paths.add(base.resolve(path)));
        }
        return paths;
    }

    private Fetch get(URI uri, boolean mayReachPrivate) {
        var result = fetcher.fetch(uri, Validators.NONE, mayReachPrivate);
        return switch (result) {
            case FetchResult.Fetched f -> {
                Optional<ParsedFeed> feed;
                try {
                    feed = Optional.of(parser.parse(f.body(), f.finalUri(), f.charset()));
                } catch (FeedParseException notAFeed) {
                    feed = Optional.empty(); // a page, which may lead to feeds
                }
                yield new Read(f.body(), f.charset(), f.finalUri(), f.redirects(), feed);
            }
            case FetchResult.NotModified n -> new Unread("answered 304 Not Modified to an unconditional request");
            case FetchResult.Failed f -> new Unread(f.reason());
        };
    }

    /** One URL fetched, or not. */
    private sealed interface Fetch {}

    /** A document, and the feed it is when it is one. */
    private record Read(
            byte[] body, Optional<String> charset, URI finalUri, List<Redirect> redirects, Optional<ParsedFeed> feed)
            implements Fetch {
        /** The feed found at {@code requested}: subscribed at its new URL when it moved for good. */
        FoundFeed found(URI requested, Optional<String> linkTitle) {
            ParsedFeed parsed = feed.orElseThrow();
            return new FoundFeed(
                    Redirect.movedTo(redirects).orElse(requested),
                    parsed.title().filter(t -> !t.isBlank()).or(() -> linkTitle),
                    FoundFeed.formatName(parsed.format()));
        }
    }

    private record Unread(String reason) implements Fetch {}
}
