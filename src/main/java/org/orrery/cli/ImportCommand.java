package org.orrery.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.orrery.RunLock;
import org.orrery.config.Dialect;
import org.orrery.config.PlanetConfig;
import org.orrery.config.ReadingList;
import org.orrery.config.SubscriptionSections;
import org.orrery.migrate.CacheImport;
import org.orrery.migrate.ImportReport;
import org.orrery.migrate.UnreadableCache;
import org.orrery.migrate.VenusLists;
import org.orrery.model.Subscription;
import org.orrery.refresh.ReadingLists;
import org.orrery.store.JdbcStore;
import org.orrery.store.Store;
import org.orrery.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery import [CACHE_DIR] --config CONFIG}: a Planet Venus or Planet 2.0 cache into the planet's store. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import the history of a Planet Venus or Planet 2.0 planet: every entry of its cache directory"
                + " (by default the config's cache_directory) whose feed the config subscribes to, with its dates,"
                + " and what the old planet knew of each feed. Importing again adds nothing twice. Prints what it"
                + " imported and left out.")
final class ImportCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "CACHE_DIR",
            description = "The old planet's cache_directory (default: the config's cache_directory).")
    Path cacheDir;

    @Option(
            names = "--config",
            required = true,
            paramLabel = "CONFIG",
            description = "The planet's config.ini (repeat for several files, read in order).")
    List<Path> configFiles;

    @Option(
            names = "--subscribe",
            description = "Also subscribe to the feeds the cache has entries of that the config lacks (appending"
                    + " their sections to the last CONFIG) and import their entries.")
    boolean subscribe;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<PlanetConfig> loaded = ConfigFiles.load(configFiles, err);
        if (loaded.isEmpty()) {
            return Main.EXIT_CONFIG;
        }
        Path directory = cacheDir != null ? cacheDir : loaded.get().cacheDirectory();
        // Before the lock, which creates the planet's cache directory when it is missing.
        if (!Files.isDirectory(directory)) {
            err.println("orrery: " + directory + ": "
                    + (Files.exists(directory) ? "not a directory" : "no such directory"));
            return 1;
        }
        try {
            ImportReport report = importCache(loaded.get(), directory);
            if (subscribe
                    && report.unsubscribed().stream().anyMatch(u -> u.feedUri().isPresent())) {
                report.unsubscribed()
                        .forEach(u -> u.feedUri().ifPresent(uri -> out.println("subscribed [" + uri + "]")));
                report.unsubscribed().stream()
                        .filter(u -> u.feedUri().isEmpty())
                        .forEach(u -> out.println("not subscribed: " + u.feed() + ": its entries name no feed URL"));
                Path last = configFiles.getLast();
                SubscriptionSections.append(last, sections(report));
                loaded = ConfigFiles.load(configFiles, err);
                if (loaded.isEmpty()) {
                    return Main.EXIT_CONFIG;
                }
                // Importing is idempotent: the second pass adds only the new subscriptions' entries.
                report = importCache(loaded.get(), directory);
            }
            print(out, report, configFiles.getFirst());
            Dialect.Choice dialect = loaded.get().options().dialect();
            if (dialect.dialect() != report.from()) {
                out.println("note: " + configFiles.getFirst().getFileName() + " is read as " + dialect.describe()
                        + ", but the cache is " + (report.from() == Dialect.VENUS ? "Venus's" : "Planet 2.0's")
                        + ": add 'dialect = " + report.from().optionValue()
                        + "' to [Planet] so that its options mean what they meant there (new_feed_items)");
            }
            return 0;
        } catch (UnreadableCache e) {
            err.println("orrery: " + e.getMessage());
            return 1;
        } catch (StoreException e) {
            err.println("orrery: " + e.getMessage());
            return Main.EXIT_CANT_CREATE;
        } catch (IOException e) {
            err.println("orrery: " + e.getMessage());
            return e.getMessage() != null && e.getMessage().startsWith("another Orrery run")
                    ? Main.EXIT_LOCKED
                    : Main.EXIT_CANT_CREATE;
        }
    }

    @SuppressWarnings("try") // the lock is held, not used
    private static ImportReport importCache(PlanetConfig config, Path directory) throws IOException, UnreadableCache {
        try (var lock = RunLock.acquire(config.cacheDirectory());
                Store store = JdbcStore.open(config.options().database(), config.databaseFile())) {
            return CacheImport.run(config, subscriptions(config, store, directory), store, Path.of(""), directory);
        }
    }

    /**
     * The subscriptions Orrery makes of the config: its sections, then the feeds of its reading
     * lists as a run reads them (each list Orrery has no copy of yet is fetched and kept, as a run
     * would); a list that cannot be fetched gives the feeds Venus's copy of it names.
     */
    private static List<Subscription> subscriptions(PlanetConfig config, Store store, Path venusCache) {
        if (config.readingLists().isEmpty()) {
            return config.subscriptions();
        }
        ReadingLists lists = ReadingLists.stored(config, store);
        if (!lists.complete()) {
            try (var fetcher = OpenPlanet.fetcher(config)) {
                lists = ReadingLists.fetch(config, fetcher, store, Instant.now());
            }
        }
        List<Subscription> all = new ArrayList<>(lists.accepted());
        List<ReadingList> unread = config.readingLists().stream()
                .filter(list -> store.readingList(list.uri()).isEmpty())
                .toList();
        all.addAll(VenusLists.subscriptions(venusCache, unread, all));
        return all;
    }

    private static List<String> sections(ImportReport report) {
        List<String> sections = new ArrayList<>();
        for (ImportReport.Unsubscribed feed : report.unsubscribed()) {
            feed.feedUri()
                    .filter(SubscriptionSections::canName)
                    .ifPresent(uri -> sections.add(SubscriptionSections.section(uri, feed.name())));
        }
        return sections;
    }

    static void print(PrintWriter out, ImportReport report, Path config) {
        for (ImportReport.Feed feed : report.feeds()) {
            out.println(line(feed));
        }
        for (ImportReport.Unsubscribed feed : report.unsubscribed()) {
            out.println(
                    "not in " + config.getFileName() + ": " + feed.feed() + ": " + entries(feed.entries()) + " left out"
                            + feed.feedUri()
                                    .map(uri -> " (--subscribe adds [" + uri + "])")
                                    .orElse(""));
        }
        for (String file : report.withoutFeed()) {
            out.println("no feed: " + file + ": the entry names no feed (no <source> id), left out");
        }
        for (ImportReport.Unreadable file : report.unreadable()) {
            out.println("unreadable: " + file.file() + ": " + file.reason());
        }
        out.println("fetch state: the ETag or Last-Modified of " + feeds(report.validatorsImported()) + " imported; "
                + report.notImported());
        int unsubscribed = report.skipped() - report.withoutFeed().size();
        List<String> why = new ArrayList<>();
        if (unsubscribed > 0) {
            why.add(unsubscribed + " of feeds not in " + config.getFileName());
        }
        if (!report.withoutFeed().isEmpty()) {
            why.add(report.withoutFeed().size() + " naming no feed");
        }
        out.println("imported " + entries(report.imported()) + ", " + report.updated() + " updated, "
                + report.present() + " already stored; left out " + report.skipped()
                + (why.isEmpty() ? "" : " (" + String.join(", ", why) + ")") + "; unreadable files "
                + report.unreadable().size());
        if (report.changedNothing()) {
            out.println("nothing changed: the store had everything of the cache already");
        }
    }

    static String line(ImportReport.Feed feed) {
        URI uri = feed.feedUri();
        String line = uri + ": imported " + entries(feed.imported());
        if (feed.updated() > 0) {
            line += ", " + feed.updated() + " updated (first seen earlier)";
        }
        if (feed.present() > 0) {
            line += ", " + feed.present() + " already stored";
        }
        if (!feed.inCache()) {
            line += " (nothing of it in the cache)";
        }
        if (feed.gone()) {
            line += "; gone (the old planet was answered 410 Gone): not fetched again";
        }
        if (feed.failure().isPresent()) {
            line += "; failing (the old planet's last fetch: " + feed.failure().get() + ")";
        }
        return line;
    }

    private static String entries(int n) {
        return n + (n == 1 ? " entry" : " entries");
    }

    private static String feeds(int n) {
        return n + (n == 1 ? " feed" : " feeds");
    }
}
