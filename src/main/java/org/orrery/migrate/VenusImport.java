package org.orrery.migrate;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.orrery.config.Dialect;
import org.orrery.config.PlanetConfig;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Subscription;
import org.orrery.model.Validators;
import org.orrery.normalize.EntryNormalizer;
import org.orrery.parse.FeedParseException;
import org.orrery.parse.FeedParser;
import org.orrery.parse.ParsedEntry;
import org.orrery.parse.ParsedFeed;
import org.orrery.sanitize.HtmlSanitizer;
import org.orrery.sanitize.SafeUrls;
import org.orrery.store.ImportedEntry;
import org.orrery.store.ImportedFeed;
import org.orrery.store.Store;

/**
 * Imports a Planet Venus cache into a planet's store: every entry of a subscribed feed, with its
 * dates, under its subscription; the state Venus had of each feed (title, site, validators, gone)
 * for subscriptions Orrery has not fetched yet.
 *
 * <p>An entry belongs to the subscription whose feed its {@code <source>} names, as in Venus's
 * splice: the {@code id} of the subscription's {@code sources/} copy, else the source's {@code
 * planet:id}; failing those, a source whose id or {@code rel="self"} link is the subscription's URL.
 * An entry is first seen when Venus dated its file (the entry's {@code updated}, or when Venus
 * wrote it), or at its {@code updated} if that is earlier, the file having been copied since.
 */
public final class VenusImport {
    /** Entries saved per transaction: a large cache is imported in bounded memory. */
    private static final int BATCH = 500;

    static final String NOT_IMPORTED = "Venus's content hashes (MD5; Orrery compares SHA-256), its"
            + " http_cache_directory and its id index are not read";

    private final List<Subscription> subscriptions;
    private final Store store;
    private final FeedParser parser = new FeedParser();
    private final EntryNormalizer normalizer;
    private final Path workingDirectory;

    /**
     * @param subscriptions the planet's subscriptions: the config's, then those of its reading lists
     * @param workingDirectory what the config's relative paths were resolved against (the working
     *     directory Venus and Orrery ran in), to find Venus's copies of local feeds
     */
    public VenusImport(PlanetConfig config, List<Subscription> subscriptions, Store store, Path workingDirectory) {
        this.subscriptions = List.copyOf(subscriptions);
        this.workingDirectory = workingDirectory.toAbsolutePath();
        this.store = store;
        this.normalizer = EntryNormalizer.raw(new HtmlSanitizer(config.options().iframeHosts()));
    }

    /** A feed the config does not subscribe to, as its first entry describes it, and its entries. */
    private static final class Stranger {
        final VenusSource source;
        int entries;

        Stranger(VenusSource source) {
            this.source = source;
        }
    }

    /**
     * Imports the cache in {@code directory}.
     *
     * @throws UnreadableCache when the directory is not a Venus cache Orrery can read
     * @throws IOException when the directory cannot be listed
     */
    public ImportReport run(Path directory) throws UnreadableCache, IOException {
        VenusCache cache = VenusCache.open(directory);
        Map<URI, FeedTally> tallies = new LinkedHashMap<>();
        Map<String, Subscription> byId = new HashMap<>();
        Map<String, Subscription> byUrl = new HashMap<>();
        int validators = 0;
        // A subscription's own URL first: another feed's self link must not take it.
        for (Subscription subscription : subscriptions) {
            tallies.put(subscription.feedUri(), new FeedTally());
            byUrl.putIfAbsent(subscription.feedUri().toString(), subscription);
        }
        for (Subscription subscription : subscriptions) {
            FeedTally tally = tallies.get(subscription.feedUri());
            Optional<VenusCache.SourceCopy> copy = written(subscription.feedUri()).stream()
                    .map(cache::source)
                    .flatMap(Optional::stream)
                    .findFirst();
            if (copy.isEmpty()) {
                continue;
            }
            VenusSource feed = copy.get().source();
            tally.inCache = true;
            feed.id().ifPresent(id -> byId.putIfAbsent(id, subscription));
            feed.self().ifPresent(self -> byUrl.putIfAbsent(self, subscription));
            var known = new Validators(feed.etag(), feed.lastModified());
            boolean gone = feed.httpStatus().equals(OptionalInt.of(410));
            Optional<String> error = failure(feed);
            var imported = new ImportedFeed(
                    subscription.feedUri(),
                    feedInfo(copy.get(), subscription.feedUri()),
                    known,
                    gone,
                    feed.httpStatus(),
                    error);
            if (store.importFeed(imported)) {
                tally.stateImported = true;
                tally.gone = gone;
                tally.failure = error;
                validators += known.isEmpty() ? 0 : 1;
            }
        }

        Map<String, Stranger> strangers = new LinkedHashMap<>();
        List<ImportReport.Unreadable> unreadable = new ArrayList<>();
        List<String> withoutFeed = new ArrayList<>();
        List<ImportedEntry> batch = new ArrayList<>();
        for (VenusCache.EntryFile file : cache.entryFiles()) {
            VenusEntry entry;
            try {
                entry = VenusEntry.read(file.path());
            } catch (IOException e) {
                unreadable.add(new ImportReport.Unreadable(file.name(), e.getMessage()));
                continue;
            }
            Optional<VenusSource> source = entry.source();
            Optional<Subscription> owner = source.flatMap(s -> owner(s, byId, byUrl));
            if (owner.isEmpty()) {
                if (source.flatMap(VenusSource::id).isEmpty()) {
                    withoutFeed.add(file.name());
                } else {
                    VenusSource s = source.get();
                    strangers.computeIfAbsent(s.id().get(), id -> new Stranger(s)).entries++;
                }
                continue;
            }
            URI feedUri = owner.get().feedUri();
            ParsedEntry parsed;
            try {
                parsed = entry.parse(parser, feedUri);
            } catch (IOException e) {
                unreadable.add(new ImportReport.Unreadable(file.name(), e.getMessage()));
                continue;
            }
            Entry normalized = normalizer.normalize(
                    MadeUpIds.asFetched(parsed, entry.linked(), source.get().updated()));
            Instant written = file.modified().toInstant();
            Instant firstSeen = parsed.updated()
                    .filter(updated -> updated.isBefore(written))
                    .orElse(written);
            batch.add(new ImportedEntry(feedUri, normalized, firstSeen));
            if (batch.size() == BATCH) {
                save(batch, tallies);
            }
        }
        save(batch, tallies);

        List<ImportReport.Feed> feeds = new ArrayList<>();
        tallies.forEach((uri, t) -> feeds.add(t.report(uri)));
        List<ImportReport.Unsubscribed> unsubscribed = strangers.values().stream()
                .sorted((a, b) -> Integer.compare(b.entries, a.entries))
                .map(s -> new ImportReport.Unsubscribed(
                        s.source.describe(), s.source.self().flatMap(VenusImport::webUri), s.source.name(), s.entries))
                .toList();
        return new ImportReport(feeds, unsubscribed, unreadable, withoutFeed, validators, NOT_IMPORTED, Dialect.VENUS);
    }

    /** The subscription an entry with {@code source} belongs to, if the config has it. */
    private static Optional<Subscription> owner(
            VenusSource source, Map<String, Subscription> byId, Map<String, Subscription> byUrl) {
        return Stream.of(
                        source.id().map(byId::get),
                        source.planetId().map(byId::get),
                        source.id().map(byUrl::get),
                        source.self().map(byUrl::get))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private void save(List<ImportedEntry> batch, Map<URI, FeedTally> tallies) {
        if (batch.isEmpty()) {
            return;
        }
        List<ImportedEntry.Outcome> outcomes = store.importEntries(batch);
        for (int i = 0; i < batch.size(); i++) {
            tallies.get(batch.get(i).feedUri()).count(outcomes.get(i));
        }
        batch.clear();
    }

    /**
     * How the config may have written the section of {@code feedUri}, which named Venus's copy of
     * it: the URL; for a local file, also its path relative to the working directory (which the
     * config's relative paths are resolved against, by Venus as by Orrery) and its absolute path.
     */
    private List<String> written(URI feedUri) {
        List<String> names = new ArrayList<>(List.of(feedUri.toString()));
        if ("file".equals(feedUri.getScheme())) {
            try {
                Path file = Path.of(feedUri);
                if (file.startsWith(workingDirectory)) {
                    names.add(workingDirectory.relativize(file).toString());
                }
                names.add(file.toString());
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                // Not a path of this system: only the URL can have named it.
            }
        }
        return names;
    }

    /**
     * Why Venus's last fetch of the feed failed, as Venus worded it ({@code 404: not found}), when
     * it failed with an HTTP error other than 410 (a gone feed is {@link ImportedFeed#gone}). Venus's
     * other messages are not carried over: Orrery finds for itself a feed without activity or a
     * duplicate subscription.
     */
    static Optional<String> failure(VenusSource feed) {
        return VenusSource.failure(feed.httpStatus().orElse(200))
                .map(words -> feed.message().orElse(words));
    }

    /**
     * The feed as Orrery's parser reads the metadata of Venus's copy (Atom, whatever the feed's
     * format was), else as far as Venus's elements say.
     */
    private FeedInfo feedInfo(VenusCache.SourceCopy copy, URI feedUri) {
        VenusSource feed = copy.source();
        try {
            ParsedFeed parsed = parser.parse(copy.document(), feedUri, Optional.empty());
            return new FeedInfo(
                    parsed.title(),
                    parsed.link().flatMap(SafeUrls::of),
                    parsed.id(),
                    parsed.subtitle(),
                    parsed.author(),
                    parsed.updated(),
                    parsed.language());
        } catch (FeedParseException e) {
            return new FeedInfo(feed.title(), feed.site().flatMap(VenusImport::webUri));
        }
    }

    private static Optional<URI> webUri(String link) {
        try {
            return SafeUrls.of(URI.create(link));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
