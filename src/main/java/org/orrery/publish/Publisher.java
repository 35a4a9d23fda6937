package org.orrery.publish;

import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.orrery.config.PlanetConfig;
import org.orrery.model.Channel;
import org.orrery.model.Post;
import org.orrery.model.River;
import org.orrery.model.RiverOrder;
import org.orrery.model.Subscription;
import org.orrery.model.Version;
import org.orrery.publish.RiverSlicer.Slice;
import org.orrery.render.HealthPage;
import org.orrery.render.MemeVotes;
import org.orrery.render.OutputFilters;
import org.orrery.render.PublishException;
import org.orrery.render.Site;
import org.orrery.render.SitePages;
import org.orrery.render.SiteRenderer;
import org.orrery.render.SiteWriter;
import org.orrery.render.Strftime;
import org.orrery.render.Theme;
import org.orrery.sanitize.BodyGate;
import org.orrery.sanitize.HtmlSanitizer;
import org.orrery.store.RiverRange;
import org.orrery.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a planet's site into {@code output_dir} from the store: plans the pages ({@link
 * SitePages}: front page, numbered pages, monthly archives), reads the river once for the older
 * pages and once for the archives ({@link RiverSlicer}), renders each page with the theme and
 * writes each file atomically, unchanged files untouched.
 */
public final class Publisher {
    /** How many of the week's posts mememe.plugin's counting holds with their bodies at once. */
    private static final int MEME_BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);

    private final PlanetConfig config;
    private final Store store;
    private final InstantSource clock;
    private final Site site;
    private final SiteWriter writer = new SiteWriter();
    private final HtmlSanitizer sanitizer;
    private volatile BodyCounts lastBodies = new BodyCounts(0, 0);
    private volatile int archivesRendered;
    private volatile ReaderCounts readerCounts = new ReaderCounts(0, 0, 0, 0, 0, 0, false);

    public Publisher(PlanetConfig config, Store store, InstantSource clock, Site site) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.site = site;
        this.sanitizer = new HtmlSanitizer(config.options().iframeHosts());
    }

    /** The settings the site is rendered with. */
    public static Site site(PlanetConfig config) {
        return new Site(
                config.name(),
                config.link(),
                config.ownerName(),
                config.ownerEmail(),
                "Orrery " + Version.get(),
                new Strftime(config.dateFormat(), config.options().locale()),
                new Strftime(config.newDateFormat(), config.options().locale()),
                config.zone(),
                config.options().encoding(),
                config.options().generatorUri(),
                config.options().feed(),
                config.planetOptions(),
                config.options().readerPages());
    }

    /**
     * What the site says of each subscription's health: a message per feed (the sidebar marks
     * those feeds), {@code health.json}, and the same report for {@code health.html}.
     */
    public record Health(Map<URI, String> messages, byte[] json, HealthPage.Report page) {
        public Health {
            messages = Map.copyOf(messages);
        }

        Map<String, byte[]> files(Site site) {
            return Map.of("health.json", json, HealthPage.PATH, HealthPage.render(site, page));
        }
    }

    /**
     * Writes the site showing {@code subscriptions}: older pages and monthly archives first, then
     * the front page and the feeds, so that no published link points at a page not yet written.
     * Then the files an earlier publishing wrote that this one did not (pages and archives no
     * longer needed) are removed; no other file in {@code output_dir} is touched.
     *
     * @return how many files were written
     */
    public int publish(List<Subscription> subscriptions, Health health, Theme theme) throws PublishException {
        // Every body shown is sanitised here, once: the store keeps bodies as feeds gave them.
        var cache = new BodyCache(store);
        var gate = new BodyGate(sanitizer, cache);
        var renderer = new SiteRenderer(site, theme, gate);
        Instant now = clock.instant();
        // Venus's new_feed_items caps each feed in what Venus published, the front page and the
        // feeds; older pages and the archives, Orrery's own, list every entry.
        RiverOrder capped = config.options().riverOrder();
        RiverOrder order = capped.withPerFeed(0);
        List<Instant> dates = store.riverDates(subscriptions, order);
        // Filters a template's own section names, run on each file it made (Venus's output filters).
        var outputFilters = new OutputFilters(
                config.outputFilters(),
                config.options().encoding(),
                OutputFilters.needsMemes(config.outputFilters())
                        ? Optional.of(memeVotes(subscriptions, order, dates, gate, now))
                        : Optional.empty());
        SitePages plan = SitePages.plan(
                dates,
                config.zone(),
                config.pageItems(),
                config.pageDays(),
                config.options().maxPages());
        Map<URI, String> messages = health.messages();
        River newest = withMessages(store.river(subscriptions, config.pageItems(), capped), messages);
        var written = new AtomicInteger();
        Set<String> produced = ConcurrentHashMap.newKeySet();
        // Older pages, then monthly archives: each a slice of the river, which is read once for
        // each (pages with bodies, archives with headlines), whatever its length. They list no
        // subscriptions (the front page and the archive index do): on a planet of thousands of
        // feeds the list would be most of every page.
        RiverSlicer.SliceAction render = (slice, posts) -> {
            produced.add(slice.path());
            written.addAndGet(writer.publish(
                    outputFilters.apply(Map.of(
                            slice.path(), renderer.renderPage(new River(posts, List.of()), slice.navigation(), now))),
                    config.outputDir()));
        };
        // The default theme's pages per feed, per category, of people and search (ReaderSite).
        Optional<ReaderSite> reader = renderer.readerPages()
                .map(pages -> new ReaderSite(
                        store,
                        pages,
                        writer,
                        config.outputDir(),
                        config.cacheDirectory().resolve("published-pages.txt")));
        RiverSlicer.SliceAction renderOlder = (slice, posts) -> {
            reader.ifPresent(r -> r.collect(slice.from(), posts));
            render.publish(slice, posts);
        };
        UnaryOperator<Post> withMessage = messaged(messages);
        List<Slice> older = plan.pages().subList(1, plan.pages().size()).stream()
                .map(p -> new Slice(p.from(), p.to(), p.path(), plan.navigation(p)))
                .toList();
        RiverSlicer.publish(
                (limit, action) -> store.eachPost(subscriptions, order, true, limit, action),
                older,
                withMessage,
                renderOlder);
        // Archive pages whose headlines cannot have changed are neither read nor rendered (ArchiveState).
        var state = new ArchiveState(config.cacheDirectory().resolve("published-archives.txt"));
        ArchiveState.Published before = state.read();
        String looks = SiteFingerprint.looks(config, theme);
        Map<URI, String> channelDigests = ArchiveState.channels(newest.channels());
        Map<Long, Long> changedDays = store.changedDays(order);
        boolean all = !looks.equals(before.looks());
        Set<Long> days = new HashSet<>(changedDays.keySet());
        if (!all) {
            days.addAll(store.entryDays(
                    List.copyOf(ArchiveState.changedChannels(before.channels(), channelDigests)), order));
        }
        Map<String, String> frames = new HashMap<>();
        List<Slice> stale = new ArrayList<>();
        for (SitePages.ArchivePage page : plan.archivePages()) {
            var navigation = plan.navigation(page);
            String frame = ArchiveState.frame(navigation);
            frames.put(page.path(), frame);
            produced.add(page.path());
            if (all
                    || !frame.equals(before.frames().get(page.path()))
                    || ArchiveState.touched(page, dates, config.zone(), days)
                    || !Files.isRegularFile(config.outputDir().resolve(page.path()))) {
                stale.add(new Slice(page.from(), page.to(), page.path(), navigation));
            }
        }
        archivesRendered = stale.size();
        // Each run of consecutive stale pages is read in one pass over its part of the river.
        for (List<Slice> run : runs(stale)) {
            int from = run.getFirst().from();
            int to = run.getLast().to();
            List<Slice> shifted = run.stream()
                    .map(slice -> new Slice(slice.from() - from, slice.to() - from, slice.path(), slice.navigation()))
                    .toList();
            RiverSlicer.publish(
                    (limit, action) ->
                            store.eachPost(subscriptions, order, false, RiverRange.of(dates, from, to), action),
                    shifted,
                    withMessage,
                    render);
        }
        SitePages.Page first = plan.pages().getFirst();
        River front = first.to() == newest.posts().size() || capped.perFeed() > 0
                ? newest
                : withMessages(
                        store.river(subscriptions, RiverRange.of(dates, first.from(), first.to()), order), messages);
        if (reader.isPresent()) {
            long start = System.nanoTime();
            reader.get().collect(0, front.posts());
            var counts = reader.get()
                    .publish(subscriptions, newest.channels(), order, dates, changedDays.keySet(), all, produced, now);
            readerCounts = counts;
            written.addAndGet(counts.filesWritten());
            log.debug(
                    "reader pages: feeds {} rendered, {} written; categories {} rendered, {} written;"
                            + " search index {} bytes; {} ms",
                    counts.feedsRendered(),
                    counts.feedsWritten(),
                    counts.tagsRendered(),
                    counts.tagsWritten(),
                    counts.searchIndexBytes(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        var archive = plan.archiveIndex();
        produced.add(archive.path());
        River channelsOnly = new River(List.of(), newest.channels());
        written.addAndGet(writer.publish(
                outputFilters.apply(Map.of(archive.path(), renderer.renderPage(channelsOnly, archive, now))),
                config.outputDir()));
        var files = new LinkedHashMap<>(renderer.render(newest, front, plan.navigation(first), now));
        files.putAll(outputFilters.files(site));
        files.putAll(health.files(site));
        produced.addAll(files.keySet());
        int total = written.get() + writer.publish(outputFilters.apply(files), config.outputDir());
        state.write(new ArchiveState.Published(looks, channelDigests, frames));
        store.forgetChangedDays(order, changedDays);
        cache.flush(now);
        lastBodies = new BodyCounts(gate.sanitised(), gate.reused());
        log.debug("bodies: {} sanitised, {} from the cache", gate.sanitised(), gate.reused());
        new PublishedFiles(config.cacheDirectory().resolve("published-files.txt"), config.outputDir())
                .replace(produced);
        return total;
    }

    /** The votes of the week's posts for mememe.plugin, read a few at a time, bodies as published. */
    private MemeVotes memeVotes(
            List<Subscription> subscriptions, RiverOrder order, List<Instant> dates, BodyGate gate, Instant now) {
        var votes = new MemeVotes(now);
        int week = 0;
        while (week < dates.size() && votes.counts(dates.get(week))) {
            week++;
        }
        if (week == 0) {
            return votes;
        }
        var batch = new ArrayList<Post>();
        store.eachPost(subscriptions, order, true, RiverRange.of(dates, 0, week), post -> {
            batch.add(post);
            if (batch.size() == MEME_BATCH) {
                votes.add(batch, gate);
                batch.clear();
            }
        });
        votes.add(batch, gate);
        return votes;
    }

    /** Consecutive slices (each starting where the one before ended) grouped together, in order. */
    private static List<List<Slice>> runs(List<Slice> slices) {
        List<List<Slice>> runs = new ArrayList<>();
        for (Slice slice : slices) {
            if (runs.isEmpty() || runs.getLast().getLast().to() != slice.from()) {
                runs.add(new ArrayList<>());
            }
            runs.getLast().add(slice);
        }
        return runs;
    }

    /** How many monthly archive pages the last publishing rendered (the others could not have changed). */
    public int lastArchivesRendered() {
        return archivesRendered;
    }

    /** How many pages per feed and per category the last publishing rendered and wrote, and the search index's size. */
    public ReaderCounts lastReaderPages() {
        return readerCounts;
    }

    /** How many feed and category pages a publishing rendered and wrote, and how large its search index was. */
    public record ReaderCounts(
            int feedsRendered,
            int feedsWritten,
            int tagsRendered,
            int tagsWritten,
            int filesWritten,
            int searchIndexBytes,
            boolean peopleRendered) {}

    /** How many bodies the last publishing sanitised, and how many it found sanitised in the store. */
    public record BodyCounts(long sanitised, long reused) {}

    public BodyCounts lastBodies() {
        return lastBodies;
    }

    /**
     * Writes only {@code health.json} and {@code health.html}: what a run does when nothing the
     * site shows has changed.
     */
    public void publishHealth(Health health) throws PublishException {
        writer.publish(health.files(site), config.outputDir());
    }

    /** Gives each post's channel its message; one channel object per feed, made on first use. */
    private static UnaryOperator<Post> messaged(Map<URI, String> messages) {
        var channels = new ConcurrentHashMap<URI, Channel>();
        return post -> new Post(
                post.entry(),
                channels.computeIfAbsent(post.channel().feedUri(), uri -> post.channel()
                        .withMessage(Optional.ofNullable(messages.get(uri)))),
                post.date());
    }

    /** Venus's per-subscription {@code message}, from the health report, on every channel. */
    private static River withMessages(River river, Map<URI, String> messages) {
        Map<URI, Channel> channels = new HashMap<>();
        for (Channel channel : river.channels()) {
            channels.put(channel.feedUri(), channel.withMessage(Optional.ofNullable(messages.get(channel.feedUri()))));
        }
        return new River(
                river.posts().stream()
                        .map(p -> new Post(p.entry(), channels.get(p.channel().feedUri()), p.date()))
                        .toList(),
                river.channels().stream().map(c -> channels.get(c.feedUri())).toList());
    }
}
