package org.orrery.publish;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.orrery.model.Channel;
import org.orrery.model.Post;
import org.orrery.model.RiverOrder;
import org.orrery.model.Sha256;
import org.orrery.model.Subscription;
import org.orrery.render.PublishException;
import org.orrery.render.ReaderPages;
import org.orrery.render.SiteWriter;
import org.orrery.render.Slugs;
import org.orrery.store.RiverRange;
import org.orrery.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the default theme's reader pages ({@link ReaderPages}) beside the river: a page per
 * feed, a page per category, the people page, the search page and its index. They show no
 * publishing time, so a page's bytes change only with what it lists, and {@link SiteWriter}
 * leaves the others untouched; and pages that cannot have changed are not even rendered.
 *
 * <p>Category pages and the search index cover the entries of the numbered pages (the "window",
 * {@code max_pages} × {@code items_per_page}, 1,200 by default), which publishing reads anyway:
 * a category's links appear on those entries only. A category page is rendered when the digest
 * of what it lists changed. A feed's page lists its newest {@link ReaderPages#FEED_HEADLINES}
 * headlines, read from the store for the feeds whose page can have changed: one of its entries
 * was added, changed or removed on a day the store marked ({@link Store#changedDays}), its count
 * of shown entries changed (an entry removed or hidden), what the page shows of the feed changed
 * (its name, site, description, options), its file is missing, or the look of the site changed.
 * What each page was published from is kept in {@code published-pages.txt} beside the database.
 */
final class ReaderSite {
    private static final Logger log = LoggerFactory.getLogger(ReaderSite.class);
    private static final String HEADER = "orrery-reader-pages 1";
    /** How many pages are handed to the writer at once: each call stages its files in a directory. */
    private static final int BATCH = 200;

    private final Store store;
    private final ReaderPages pages;
    private final SiteWriter writer;
    private final Path outputDir;
    private final Path stateFile;
    /** The window's posts, by their position in the river; posts past the index's reach without bodies. */
    private final Map<Integer, List<Post>> window = new ConcurrentSkipListMap<>();

    ReaderSite(Store store, ReaderPages pages, SiteWriter writer, Path outputDir, Path stateFile) {
        this.store = store;
        this.pages = pages;
        this.writer = writer;
        this.outputDir = outputDir;
        this.stateFile = stateFile;
    }

    /** Takes the posts of a numbered page starting at position {@code from} of the river. Thread-safe. */
    void collect(int from, List<Post> posts) {
        var kept = new ArrayList<Post>(posts.size());
        for (int i = 0; i < posts.size(); i++) {
            Post post = posts.get(i);
            // Bodies only for what the search index may hold: a window of max_pages = 0 has no end.
            kept.add(from + i < ReaderPages.SEARCH_ENTRIES ? post : headline(post));
        }
        window.put(from, kept);
    }

    /**
     * Publishes the reader pages of {@code channels} (every configured subscription, sorted by
     * name), adding each page's path to {@code produced}.
     *
     * @param dates the river's dates, newest first, in {@code order}
     * @param changedDays the days the store marked since the last publishing
     * @param all whether every page is rendered (the look of the site changed)
     */
    Publisher.ReaderCounts publish(
            List<Subscription> subscriptions,
            List<Channel> channels,
            RiverOrder order,
            List<Instant> dates,
            Set<Long> changedDays,
            boolean all,
            Set<String> produced,
            Instant now)
            throws PublishException {
        State before = all ? State.NONE : read();
        var after = new State(new HashMap<>(), new HashMap<>());
        List<Post> posts = windowPosts();

        // Feeds.
        Map<URI, Integer> counts = store.entryCounts();
        Set<URI> touched = before.feeds().isEmpty()
                ? Set.of() // every page is rendered
                : touchedFeeds(subscriptions, order, dates, changedDays);
        Map<URI, Channel> stale = new LinkedHashMap<>();
        // The people page lists every channel as its feed's page shows it, in this order.
        var shownChannels = new StringBuilder();
        for (Channel channel : channels) {
            String path = ReaderPages.feedPath(channel.feedUri());
            String shown = pages.digest(channel);
            shownChannels.append(shown).append('\n');
            String digest = shown + " " + counts.getOrDefault(channel.feedUri(), 0);
            after.feeds().put(path, digest);
            produced.add(path);
            if (!digest.equals(before.feeds().get(path))
                    || touched.contains(channel.feedUri())
                    || !Files.isRegularFile(outputDir.resolve(path))) {
                stale.put(channel.feedUri(), channel);
            }
        }
        int[] feeds = publishFeeds(subscriptions, order, stale, now);

        // Categories, from the window.
        Map<String, Tag> tags = tags(posts);
        var tagFiles = new LinkedHashMap<String, byte[]>();
        int tagsRendered = 0;
        int tagsWritten = 0;
        for (Tag tag : tags.values()) {
            String path = ReaderPages.tagPath(tag.slug());
            List<Post> listed = tag.posts()
                    .subList(0, Math.min(ReaderPages.TAG_HEADLINES, tag.posts().size()));
            String digest = digest(tag.name(), tag.posts().size(), listed) + " "
                    + tag.posts().size();
            after.tags().put(path, digest);
            produced.add(path);
            if (!digest.equals(before.tags().get(path)) || !Files.isRegularFile(outputDir.resolve(path))) {
                tagFiles.put(path, pages.tag(tag.name(), listed, tag.posts().size(), now));
                tagsRendered++;
                if (tagFiles.size() == BATCH) {
                    tagsWritten += writer.publish(tagFiles, outputDir);
                    tagFiles.clear();
                }
            }
        }
        tagsWritten += writer.publish(tagFiles, outputDir);

        // The people page (only when a channel it lists changed), the search page and its index,
        // and their static files: one of each.
        var files = new LinkedHashMap<String, byte[]>(pages.staticFiles());
        String people = Sha256.hex(shownChannels.toString()) + " " + channels.size();
        after.tags().put(ReaderPages.PEOPLE, people);
        boolean peopleStale = !people.equals(before.tags().get(ReaderPages.PEOPLE))
                || !Files.isRegularFile(outputDir.resolve(ReaderPages.PEOPLE));
        if (peopleStale) {
            files.put(ReaderPages.PEOPLE, pages.people(channels, now));
        }
        produced.add(ReaderPages.PEOPLE);
        files.put(ReaderPages.SEARCH, pages.search(now));
        byte[] index = pages.searchIndex(
                posts.stream().limit(ReaderPages.SEARCH_ENTRIES).toList());
        files.put(ReaderPages.SEARCH_INDEX, index);
        int others = writer.publish(files, outputDir);
        produced.addAll(files.keySet());

        write(after);
        window.clear();
        return new Publisher.ReaderCounts(
                feeds[0],
                feeds[1],
                tagsRendered,
                tagsWritten,
                feeds[1] + tagsWritten + others,
                index.length,
                peopleStale);
    }

    /** Renders and writes the pages of the {@code stale} feeds; gives how many were rendered and written. */
    private int[] publishFeeds(List<Subscription> subscriptions, RiverOrder order, Map<URI, Channel> stale, Instant now)
            throws PublishException {
        if (stale.isEmpty()) {
            return new int[] {0, 0};
        }
        Map<URI, Subscription> byUri = new HashMap<>();
        subscriptions.forEach(s -> byUri.putIfAbsent(s.feedUri(), s));
        int written = 0;
        List<Channel> channels = List.copyOf(stale.values());
        // A batch of feeds at a time, their headlines read for that batch only: a first publishing
        // at 10,000 feeds holding every feed's headlines at once held 250,000 posts (half a GB).
        for (int from = 0; from < channels.size(); from += BATCH) {
            List<Channel> batch = channels.subList(from, Math.min(channels.size(), from + BATCH));
            List<Subscription> wanted = batch.stream()
                    .map(channel -> byUri.get(channel.feedUri()))
                    .filter(java.util.Objects::nonNull)
                    .toList();
            Map<URI, List<Post>> headlines = new HashMap<>();
            if (!wanted.isEmpty()) {
                store.eachPost(
                        wanted,
                        order.withPerFeed(ReaderPages.FEED_HEADLINES),
                        false,
                        Integer.MAX_VALUE,
                        post -> headlines
                                .computeIfAbsent(post.channel().feedUri(), uri -> new ArrayList<>())
                                .add(post));
            }
            // Rendered on every core: a first publishing at 10,000 feeds renders 10,000 pages.
            Map<String, byte[]> files = batch.parallelStream()
                    .collect(java.util.stream.Collectors.toMap(
                            channel -> ReaderPages.feedPath(channel.feedUri()),
                            channel -> pages.feed(channel, headlines.getOrDefault(channel.feedUri(), List.of()), now),
                            (a, b) -> a,
                            LinkedHashMap::new));
            written += writer.publish(files, outputDir);
        }
        return new int[] {stale.size(), written};
    }

    /** The feeds with a shown entry on one of {@code days}, read as headlines, a run of days at a time. */
    private Set<URI> touchedFeeds(
            List<Subscription> subscriptions, RiverOrder order, List<Instant> dates, Set<Long> days) {
        Set<URI> touched = new HashSet<>();
        int i = 0;
        while (i < dates.size()) {
            if (!days.contains(ArchiveState.day(dates.get(i)))) {
                i++;
                continue;
            }
            int from = i;
            while (i < dates.size() && days.contains(ArchiveState.day(dates.get(i)))) {
                i++;
            }
            store.eachPost(
                    subscriptions,
                    order,
                    false,
                    RiverRange.of(dates, from, i),
                    post -> touched.add(post.channel().feedUri()));
        }
        return touched;
    }

    /** The window's posts in river order, each entry once (a capped front page may repeat one of page 2). */
    private List<Post> windowPosts() {
        var seen = new HashSet<String>();
        var posts = new ArrayList<Post>();
        for (List<Post> page : window.values()) {
            for (Post post : page) {
                if (seen.add(post.channel().feedUri() + " " + post.entry().key())) {
                    posts.add(post);
                }
            }
        }
        return posts;
    }

    /** A category: its slug, its name as its newest entry spells it, its entries (headlines) newest first. */
    private record Tag(String slug, String name, List<Post> posts) {}

    private static Map<String, Tag> tags(List<Post> posts) {
        Map<String, Tag> tags = new LinkedHashMap<>();
        for (Post post : posts) {
            Set<String> slugs = new HashSet<>();
            for (String category : post.entry().categories()) {
                if (category.isBlank()) {
                    continue;
                }
                String slug = Slugs.tag(category);
                if (slugs.add(slug)) {
                    tags.computeIfAbsent(slug, s -> new Tag(s, category.strip(), new ArrayList<>()))
                            .posts()
                            .add(headline(post));
                }
            }
        }
        return tags;
    }

    private static Post headline(Post post) {
        return post.entry().contentHtml().isEmpty()
                        && post.entry().summaryHtml().isEmpty()
                ? post
                : new Post(post.entry().withBodies("", Optional.empty()), post.channel(), post.date());
    }

    /** What a category page lists, as a digest: its name, count and each headline as shown. */
    private static String digest(String name, int count, List<Post> listed) {
        var text = new StringBuilder(name).append('\n').append(count).append('\n');
        for (Post post : listed) {
            var entry = post.entry();
            text.append(post.channel().feedUri())
                    .append('\t')
                    .append(post.channel().name())
                    .append('\t')
                    .append(entry.key())
                    .append('\t')
                    .append(entry.title())
                    .append('\t')
                    .append(entry.link())
                    .append('\t')
                    .append(post.date())
                    .append('\n');
        }
        return Sha256.hex(text.toString());
    }

    /** What the reader pages were published from: a digest per feed page and per category page, by path. */
    private record State(Map<String, String> feeds, Map<String, String> tags) {
        static final State NONE = new State(Map.of(), Map.of());
    }

    private State read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(stateFile);
        } catch (IOException e) {
            return State.NONE; // never written, or unreadable: every page is rendered
        }
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            return State.NONE;
        }
        var state = new State(new HashMap<>(), new HashMap<>());
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split(" ", 4);
            if (parts.length != 4) {
                return State.NONE;
            }
            (parts[0].equals("feed") ? state.feeds() : state.tags()).put(parts[3], parts[1] + " " + parts[2]);
        }
        return state;
    }

    private void write(State state) {
        var text = new StringBuilder(HEADER).append('\n');
        new TreeMap<>(state.feeds()).forEach((path, digest) -> text.append("feed ")
                .append(digest)
                .append(' ')
                .append(path)
                .append('\n'));
        new TreeMap<>(state.tags()).forEach((path, digest) -> text.append("tag ")
                .append(digest)
                .append(' ')
                .append(path)
                .append('\n'));
        try {
            Files.writeString(stateFile, text);
        } catch (IOException e) {
            // Only costs rendering every reader page next time.
            log.warn("cannot write {}: {}", stateFile, e.getMessage());
        }
    }
}
