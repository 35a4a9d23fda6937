package org.orrery.render;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.orrery.model.Channel;
import org.orrery.model.Post;
import org.orrery.sanitize.BodyGate;
import org.orrery.sanitize.SafeHtml;
import org.orrery.sanitize.SafeUrls;

/**
 * Venus's {@code mememe.plugin} counting: every link in the posts of the last week is a vote, by
 * the post's feed, weighted by the post's age; the links most feeds point to are the memes.
 * Followed here as Venus's script does it, with its own rules: a post votes for every {@code
 * href} it holds (its own link too, links with {@code rel} {@code license} or {@code source}
 * aside), a feed's vote for a link is its newest post's weight ({@code 1 - (age / week)²}), and a
 * link is a meme when two feeds or more point to it.
 */
public final class MemeVotes {
    static final Duration WEEK = Duration.ofDays(7);
    private static final int MEMES = 10;
    private static final int LINKS_PER_FEED = 10;
    private static final Pattern LONG_WORD_BREAKS = Pattern.compile("([^a-zA-Z0-9_]+)");

    /** One post's vote for a link: Venus's {@code (weight, entry, feed, title, author, mtime)}. */
    record Vote(double weight, String entry, String feed, String title, String author, double mtime) {}

    /** A post of a feed, for the list of the feed's recent posts under its name. */
    record FeedLink(double mtime, String entry, String title) {}

    /** A link many posts point to, as the sidebar lists it. */
    record Meme(String link, String href, String title, boolean rising, List<Vote> votes, int feeds, double updated) {}

    private final Instant now;
    private final double nowSeconds;
    private final Map<String, List<Vote>> links = new HashMap<>();
    private final Map<String, List<FeedLink>> feedLinks = new HashMap<>();
    /** The last address each canonical one was seen written as (Venus's {@code revmap}). */
    private final Map<String, String> written = new HashMap<>();
    /** Titles of the week's posts by their canonical id, for a meme that is one of them. */
    private final Map<String, String> titles = new HashMap<>();

    /** Votes counted as of {@code now}: posts dated before the week up to it are not counted. */
    public MemeVotes(Instant now) {
        this.now = now;
        this.nowSeconds = seconds(now);
    }

    /** When the counting happened. */
    Instant now() {
        return now;
    }

    /** Whether a post dated {@code date} is one of the week's. */
    public boolean counts(Instant date) {
        return !date.isBefore(now.minus(WEEK));
    }

    /** The votes of the posts of one river slice, their bodies as the pages publish them. */
    public void add(List<Post> posts, BodyGate gate) {
        var bodies = gate.bodies(posts);
        for (Post post : posts) {
            BodyGate.Safe safe = bodies.of(post.entry());
            add(post, safe.content(), safe.summary());
        }
    }

    private void add(Post post, SafeHtml content, Optional<SafeHtml> summary) {
        if (!counts(post.date())) {
            return;
        }
        Optional<URI> alternate = post.entry().link().flatMap(SafeUrls::of);
        if (alternate.isEmpty()) {
            return; // Venus: a post without a link is not counted
        }
        String entry = canonical(alternate.get().toString());
        String title = post.entry().title();
        titles.putIfAbsent(canonicalForm(post.entry().key()), title);
        Channel channel = post.channel();
        String feed = Optional.ofNullable(channel.options().get("memegroup"))
                .filter(g -> !g.isEmpty())
                .orElse(TemplateModel.channelId(channel));
        String author = channel.name();
        double mtime = seconds(post.date());
        feedLinks.computeIfAbsent(author, a -> new ArrayList<>()).add(new FeedLink(mtime, entry, title));
        var found = new LinkedHashSet<String>();
        found.add(entry);
        for (URI enclosure : post.entry().enclosures().stream()
                .map(e -> e.url())
                .flatMap(u -> SafeUrls.file(u).stream())
                .toList()) {
            found.add(canonical(enclosure.toString()));
        }
        hrefs(content.html(), found);
        summary.ifPresent(s -> hrefs(s.html(), found));
        double age = nowSeconds - mtime;
        double week = WEEK.toSeconds();
        var vote = new Vote(1.0 - age * age / (week * week), entry, feed, title, author, mtime);
        for (String link : found) {
            links.computeIfAbsent(link, l -> new ArrayList<>()).add(vote);
        }
    }

    /** Every {@code href} (and a {@code title} that is a URL) but those of license and source links. */
    private void hrefs(String html, Set<String> found) {
        if (html.isEmpty()) {
            return;
        }
        for (Element element : Jsoup.parseBodyFragment(html).body().select("[href]")) {
            String rel = authorsRel(element.attr("rel"));
            if (rel.equals("source") || rel.equals("license")) {
                continue;
            }
            found.add(canonical(element.attr("href")));
            // A title is not sanitised as a URL: it must pass the URL rules to be published as one.
            if (element.attr("title").startsWith("http")
                    && !SafeUrls.of(element.attr("title")).isEmpty()) {
                found.add(canonical(element.attr("title")));
            }
        }
    }

    /** The rel a feed wrote, without the tokens the sanitiser adds to every link. */
    private static String authorsRel(String rel) {
        var tokens = new ArrayList<>(List.of(rel.strip().split("\\s+")));
        tokens.removeAll(List.of("noopener", "noreferrer"));
        return String.join(" ", tokens);
    }

    /** The canonical form of {@code url}, remembering how it was written (Venus's {@code canonicalize}). */
    private String canonical(String url) {
        String canonical = canonicalForm(url);
        written.put(canonical, url);
        return canonical;
    }

    /**
     * Venus's canonical form of an address: scheme and host in lower case, a leading {@code
     * www.} and the fragment dropped, an empty path made {@code /}.
     */
    static String canonicalForm(String url) {
        String rest = url;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        String scheme = "";
        int colon = rest.indexOf(':');
        if (colon > 0 && rest.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            scheme = rest.substring(0, colon).toLowerCase(Locale.ROOT);
            rest = rest.substring(colon + 1);
        }
        String netloc = "";
        if (rest.startsWith("//")) {
            int end = rest.length();
            for (char c : new char[] {'/', '?'}) {
                int at = rest.indexOf(c, 2);
                if (at >= 0 && at < end) {
                    end = at;
                }
            }
            netloc = rest.substring(2, end).toLowerCase(Locale.ROOT);
            if (netloc.startsWith("www.")) {
                netloc = netloc.substring(4);
            }
            rest = rest.substring(end);
        }
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String path = rest.isEmpty() ? "/" : rest;
        var canonical = new StringBuilder();
        if (!scheme.isEmpty()) {
            canonical.append(scheme).append(':');
        }
        if (!netloc.isEmpty()
                || !scheme.isEmpty() && Set.of("http", "https", "ftp").contains(scheme)) {
            canonical.append("//").append(netloc);
            if (!path.startsWith("/")) {
                canonical.append('/');
            }
        }
        canonical.append(path);
        if (!query.isEmpty()) {
            canonical.append('?').append(query);
        }
        return canonical.toString();
    }

    /** How the canonical address was last written (Venus's {@code revmap}). */
    String written(String canonical) {
        return written.getOrDefault(canonical, canonical);
    }

    /** A feed's posts of the week, newest first, at most ten, those without a title left out. */
    List<FeedLink> feedLinks(String name) {
        List<FeedLink> posts = feedLinks.get(name);
        if (posts == null) {
            return null;
        }
        return posts.stream()
                .sorted(FEED_LINK_ORDER.reversed())
                .filter(p -> !p.title().isEmpty())
                .limit(LINKS_PER_FEED)
                .toList();
    }

    private static final Comparator<FeedLink> FEED_LINK_ORDER = Comparator.comparingDouble(FeedLink::mtime)
            .thenComparing(FeedLink::entry)
            .thenComparing(FeedLink::title);

    private static final Comparator<Vote> VOTE_ORDER = Comparator.comparingDouble(Vote::weight)
            .thenComparing(Vote::entry)
            .thenComparing(Vote::feed)
            .thenComparing(Vote::title)
            .thenComparing(Vote::author)
            .thenComparingDouble(Vote::mtime);

    private record Weighted(double score, String link, double updated) {}

    private static final Comparator<Weighted> WEIGHTED_ORDER = Comparator.comparingDouble(Weighted::score)
            .thenComparing(Weighted::link)
            .thenComparingDouble(Weighted::updated);

    /**
     * The memes, best first, at most ten, as Venus lists them: links two feeds or more point to,
     * ranked by the sum of each feed's weight, each with a post that no meme above it had, those
     * in {@code spam} (canonical addresses) left out.
     */
    List<Meme> memes(Set<String> spam) {
        var weighted = new ArrayList<Weighted>();
        links.forEach((link, votes) -> {
            var site = new LinkedHashMap<String, Double>();
            double updated = 0;
            for (Vote vote : votes) {
                site.merge(vote.feed(), Math.max(0, vote.weight()), Math::max);
                updated = Math.max(updated, vote.mtime());
            }
            double score =
                    site.values().stream().mapToDouble(Double::doubleValue).sum();
            weighted.add(new Weighted(score, link, updated));
        });
        weighted.sort(WEIGHTED_ORDER.reversed());
        var memes = new ArrayList<Meme>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < weighted.size() && memes.size() < MEMES; i++) {
            Weighted w = weighted.get(i);
            List<Vote> votes = links.get(w.link());
            int feeds = (int) votes.stream().map(Vote::feed).distinct().count();
            if (spam.contains(w.link()) || feeds < 2) {
                continue;
            }
            // Somebody new must point to it: groups of links several posts all hold count once.
            boolean novel = false;
            for (Vote vote : votes) {
                novel |= seen.add(vote.entry());
            }
            if (!novel) {
                continue;
            }
            memes.add(new Meme(
                    w.link(),
                    written(w.link()),
                    title(w.link()),
                    rising(weighted, i),
                    votes.stream().sorted(VOTE_ORDER.reversed()).toList(),
                    feeds,
                    w.updated()));
        }
        return memes;
    }

    /**
     * Venus's {@code rising}: the link was last pointed to no earlier than its neighbours in the
     * ranking were, and later than at least half of all links.
     */
    private static boolean rising(List<Weighted> weighted, int i) {
        double updated = weighted.get(i).updated();
        boolean aboveNeighbours = (i == 0 || updated >= weighted.get(i - 1).updated())
                && (i + 1 == weighted.size() || updated >= weighted.get(i + 1).updated());
        if (!aboveNeighbours) {
            return false;
        }
        long rank = weighted.stream().filter(w -> updated < w.updated()).count();
        return rank < weighted.size() / 2;
    }

    /**
     * The meme's title: that of the week's post it is, else (where Venus fetched the page for its
     * title) the last segment of its path; a word of over 30 characters gets zero-width spaces
     * after its punctuation, so that it can wrap.
     */
    private String title(String link) {
        String title = titles.get(link);
        if (title == null || title.isEmpty()) {
            String address = written(link).split("#", 2)[0];
            String stripped = address.replaceAll("/+$", "");
            title = stripped.substring(stripped.lastIndexOf('/') + 1).split("\\?", 2)[0];
        }
        if (title.isEmpty()) {
            String stripped = link.replaceAll("^/+|/+$", "");
            title = stripped.substring(stripped.lastIndexOf('/') + 1);
        }
        boolean longWord = !title.isBlank()
                && List.of(title.strip().split("\\s+")).stream().anyMatch(w -> w.length() > 30);
        if (longWord) {
            title = LONG_WORD_BREAKS.matcher(title).replaceAll("$1\u200b");
        }
        return title.strip();
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }
}
