package org.orrery.migrate;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.orrery.config.Dialect;
import org.orrery.config.PlanetConfig;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Subscription;
import org.orrery.model.Validators;
import org.orrery.normalize.EntryNormalizer;
import org.orrery.parse.Html;
import org.orrery.parse.ParsedEntry;
import org.orrery.parse.text.PlainText;
import org.orrery.sanitize.HtmlSanitizer;
import org.orrery.sanitize.SafeUrls;
import org.orrery.store.ImportedEntry;
import org.orrery.store.ImportedFeed;
import org.orrery.store.Store;

/**
 * Imports a Planet 2.0 cache: for each subscription, the file Planet 2.0 named after its URL; its
 * items (Planet 2.0 keeps those its feed still carries) with their dates, hidden ones (its {@code
 * new_feed_items}) hidden, first seen at Planet 2.0's date for them (the date it sorted them by);
 * and the channel's state (title, site, validators, gone) for subscriptions Orrery has not fetched.
 */
final class Planet2Import {
    private static final int BATCH = 500;

    static final String NOT_IMPORTED = "items' comment links and other fields no page shows are not read";

    private final List<Subscription> subscriptions;
    private final Store store;
    private final EntryNormalizer normalizer;

    Planet2Import(PlanetConfig config, List<Subscription> subscriptions, Store store) {
        this.subscriptions = List.copyOf(subscriptions);
        this.store = store;
        this.normalizer = EntryNormalizer.raw(new HtmlSanitizer(config.options().iframeHosts()));
    }

    /** An item to import, with what Planet 2.0 sorted it by. */
    private record Sorted(ImportedEntry entry, Instant date, String order) {}

    ImportReport run(Path directory) throws IOException {
        List<ImportReport.Feed> feeds = new ArrayList<>();
        List<ImportReport.Unreadable> unreadable = new ArrayList<>();
        List<Sorted> all = new ArrayList<>();
        Map<URI, FeedTally> tallies = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        int validators = 0;
        for (Subscription subscription : subscriptions) {
            URI uri = subscription.feedUri();
            FeedTally tally = new FeedTally();
            tallies.put(uri, tally);
            String name = Planet2Feed.fileName(uri.toString());
            Path file = directory.resolve(name);
            if (name.isEmpty() || !used.add(name) || !Files.isRegularFile(file)) {
                continue;
            }
            Planet2Feed feed;
            try {
                feed = Planet2Feed.read(file);
            } catch (IOException e) {
                unreadable.add(new ImportReport.Unreadable(name, e.getMessage()));
                continue;
            }
            var known = new Validators(
                    feed.get("url_etag"), feed.get("url_modified").flatMap(Planet2Feed::httpDate));
            OptionalInt status = feed.get("url_status")
                    .filter(v -> v.matches("\\d{3}"))
                    .map(v -> OptionalInt.of(Integer.parseInt(v)))
                    .orElse(OptionalInt.empty());
            boolean gone = status.equals(OptionalInt.of(410));
            Optional<String> failure = VenusSource.failure(status.orElse(200));
            // Planet 2.0 kept the feed's string fields as it read them (HTML, escaped or sanitised).
            var info = new FeedInfo(
                    feed.get("title").flatMap(PlainText::fromHtml),
                    feed.get("link").flatMap(Planet2Import::webUri),
                    feed.get("id"),
                    feed.get("subtitle")
                            .or(() -> feed.get("tagline"))
                            .or(() -> feed.get("description"))
                            .flatMap(PlainText::fromHtml),
                    feed.get("author_name").or(() -> feed.get("author")).flatMap(PlainText::fromHtml),
                    Optional.empty(),
                    feed.get("language"));
            boolean created = store.importFeed(new ImportedFeed(uri, info, known, gone, status, failure));
            tally.inCache = true;
            tally.stateImported = created;
            tally.gone = created && gone;
            tally.failure = created ? failure : Optional.empty();
            validators += created && !known.isEmpty() ? 1 : 0;
            for (Planet2Feed.Item item : feed.items()) {
                Instant date = item.date("date", "updated", "modified", "published", "issued", "created")
                        .orElse(Instant.EPOCH);
                Entry entry = normalizer.normalize(
                        MadeUpIds.asFetched(parsed(item, uri), item.get("link").isPresent(), Optional.empty()));
                all.add(new Sorted(
                        new ImportedEntry(uri, entry, date, item.get("hidden").isPresent()),
                        date,
                        item.get("order").orElse("")));
            }
        }
        // Planet 2.0's order: newest first, ties by its order numbers (compared as text, as it
        // did); stored in that order, ties keep it.
        all.sort(Comparator.comparing(Sorted::date).thenComparing(Sorted::order).reversed());
        for (int from = 0; from < all.size(); from += BATCH) {
            List<ImportedEntry> batch = all.subList(from, Math.min(all.size(), from + BATCH)).stream()
                    .map(Sorted::entry)
                    .toList();
            List<ImportedEntry.Outcome> outcomes = store.importEntries(batch);
            for (int i = 0; i < batch.size(); i++) {
                tallies.get(batch.get(i).feedUri()).count(outcomes.get(i));
            }
        }
        tallies.forEach((uri, t) -> feeds.add(t.report(uri)));
        return new ImportReport(
                feeds,
                strangers(directory, used, unreadable),
                unreadable,
                List.of(),
                validators,
                NOT_IMPORTED,
                Dialect.PLANET2);
    }

    /** The feeds of the cache's other database files, which the config does not subscribe to. */
    private static List<ImportReport.Unsubscribed> strangers(
            Path directory, Set<String> used, List<ImportReport.Unreadable> unreadable) throws IOException {
        List<ImportReport.Unsubscribed> strangers = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (used.contains(name)
                        || !Files.isRegularFile(file)
                        || !Planet2Cache.kind(file).equals(Optional.of(Planet2Cache.HASH))) {
                    continue;
                }
                try {
                    Planet2Feed feed = Planet2Feed.read(file);
                    Optional<String> url = feed.get("configured_url").or(() -> feed.get("url"));
                    Optional<String> title =
                            feed.get("name").or(() -> feed.get("title").flatMap(PlainText::fromHtml));
                    int shown = (int) feed.items().stream()
                            .filter(i -> i.get("hidden").isEmpty())
                            .count();
                    if (shown == 0) {
                        continue; // nothing of it is left out
                    }
                    strangers.add(new ImportReport.Unsubscribed(
                            url.orElse(name) + title.map(t -> " (" + t + ")").orElse(""),
                            url.flatMap(Planet2Import::webUri),
                            feed.get("name"),
                            shown));
                } catch (IOException e) {
                    unreadable.add(new ImportReport.Unreadable(name, e.getMessage()));
                }
            }
        }
        strangers.sort(
                Comparator.comparingInt(ImportReport.Unsubscribed::entries).reversed());
        return strangers;
    }

    /** The item as the feed's entry, its bodies as Planet 2.0 kept them (sanitised by it, HTML). */
    private static ParsedEntry parsed(Planet2Feed.Item item, URI feedUri) {
        Optional<Html> content = item.get("content").map(html -> new Html(html, feedUri));
        Optional<Html> summary = item.get("summary").map(html -> new Html(html, feedUri));
        return new ParsedEntry(
                // The cache keys an id with its spaces written %20; the id field, when kept, is the feed's.
                Optional.of(item.get("id").orElse(item.id().replace("%20", " "))),
                item.get("title").flatMap(PlainText::fromHtml),
                item.get("link").flatMap(Planet2Import::webUri),
                item.get("author_name").or(() -> item.get("author")).map(String::strip),
                item.date("published", "issued", "created"),
                item.date("updated", "modified"),
                content.or(() -> summary),
                content.isPresent() ? summary : Optional.empty(),
                item.get("category").map(List::of).orElse(List.of()),
                List.of());
    }

    private static Optional<URI> webUri(String link) {
        try {
            return SafeUrls.of(URI.create(link.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
