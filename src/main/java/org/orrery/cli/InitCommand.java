package org.orrery.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.orrery.config.SubscriptionSections;
import org.orrery.discover.Discovery;
import org.orrery.discover.FeedFinder;
import org.orrery.discover.FoundFeed;
import org.orrery.fetch.FetchSettings;
import org.orrery.fetch.HttpFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery init DIR [URL...]}: a new planet, its config.ini commented and ready to run. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = "Make a new planet in DIR (created if need be): a commented config.ini with the options a"
                + " maintainer sets first, its cache and site in DIR, subscribed to the feed of each URL (found as"
                + " `orrery discover` finds it; of several, the first). A URL that leads to no feed is reported"
                + " and left out. An existing config.ini is never overwritten.")
final class InitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The planet's directory.")
    Path dir;

    @Parameters(
            index = "1..*",
            arity = "0..*",
            paramLabel = "URL",
            description = "A site's page or a feed; without a scheme, https:// is tried, then http://.")
    List<String> urls = List.of();

    @Option(names = "--name", description = "The planet's name (default: the name of DIR).")
    Optional<String> name;

    @Spec
    CommandSpec spec;

    /** What a URL gave. */
    private record Outcome(String url, Discovery discovery) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String url : urls) {
            if (FeedFinder.addresses(url).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "not a URL: " + url);
            }
        }
        Path config = dir.resolve("config.ini");
        if (Files.exists(config)) {
            err.println("orrery: " + config + " exists already and is left as it is" + " (`orrery add " + config
                    + " URL` adds a feed to it)");
            return 1;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            err.println("orrery: cannot create the directory " + dir + ": " + e);
            return Main.EXIT_CANT_CREATE;
        }
        Map<String, FoundFeed> feeds = new LinkedHashMap<>();
        int failed = 0;
        for (Outcome outcome : discover()) {
            switch (outcome.discovery()) {
                case Discovery.NotFound nothing -> {
                    err.println("failed: " + nothing.reason()); // it names the URL
                    failed++;
                }
                case Discovery.Found found -> {
                    DiscoverCommand.printNotes(found, err);
                    if (found.feeds().size() > 1) {
                        AddCommand.listFeeds(found, out);
                    }
                    FoundFeed feed = found.feeds().getFirst();
                    if (!SubscriptionSections.canName(feed.uri())) {
                        err.println(
                                "failed: " + outcome.url() + ": " + feed.uri() + " cannot name a config.ini section");
                        failed++;
                    } else if (feeds.putIfAbsent(SubscriptionSections.sameFeedKey(feed.uri()), feed) != null) {
                        out.println("skipped [" + feed.uri() + "] of " + outcome.url() + ": already added");
                    } else {
                        out.println("added [" + feed.uri() + "]"
                                + feed.title().map(t -> ", named " + t).orElse("")
                                + (found.feeds().size() > 1 ? " (the first; `orrery add --pick N` adds another)" : ""));
                    }
                }
            }
        }
        try {
            Files.writeString(
                    config, configText(feeds.values()), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            err.println("orrery: " + config + " appeared meanwhile and is left as it is");
            return 1;
        } catch (IOException e) {
            err.println("orrery: cannot write " + config + ": " + e);
            return Main.EXIT_CANT_CREATE;
        }
        out.println("created " + config + " with " + feeds.size() + (feeds.size() == 1 ? " feed" : " feeds")
                + (failed == 0 ? "" : " (" + failed + (failed == 1 ? " URL" : " URLs") + " gave none)")
                + "; publish it with: cd " + shellWord(dir.toString()) + " && orrery run config.ini");
        return 0;
    }

    /** Each URL's discovery, all at once, in the order given. */
    private List<Outcome> discover() {
        if (urls.isEmpty()) {
            return List.of();
        }
        try (var fetcher = new HttpFetcher(FetchSettings.defaults());
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var finder = new FeedFinder(fetcher, false);
            List<Future<Discovery>> pending = new ArrayList<>();
            urls.forEach(url -> pending.add(threads.submit(() -> finder.find(url))));
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
                outcomes.add(new Outcome(urls.get(i), pending.get(i).get()));
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while finding feeds", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("finding feeds: " + e.getCause(), e.getCause());
        }
    }

    private String configText(Iterable<FoundFeed> feeds) {
        String planetName = name.orElseGet(() -> {
            Path named = dir.toAbsolutePath().normalize().getFileName();
            return named == null ? "Planet" : named.toString();
        });
        var text = new StringBuilder(template().replace("@NAME@", SubscriptionSections.cleanName(planetName)));
        for (FoundFeed feed : feeds) {
            text.append('\n').append(SubscriptionSections.section(feed.uri(), feed.title()));
        }
        return text.toString();
    }

    /** {@code word} as one word of a POSIX shell's command line, quoted only when it must be. */
    static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./:@%+=,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static String template() {
        try (InputStream in = InitCommand.class.getResourceAsStream("init-config.ini")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the config template", e);
        }
    }
}
