package org.orrery.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.orrery.config.PlanetConfig;
import org.orrery.config.SubscriptionSections;
import org.orrery.discover.Discovery;
import org.orrery.discover.FeedFinder;
import org.orrery.discover.FoundFeed;
import org.orrery.fetch.HttpFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery add CONFIG URL}: subscribes to a site's feed by appending a section to config.ini. */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = "Find the feed of URL as `orrery discover` does (each candidate fetched and read) and append"
                + " its section to CONFIG, named after the feed's title. When URL leads to several feeds they are"
                + " listed and the first is added (sites announce their main feed first), unless --pick says"
                + " which. Its entries arrive with the next run.")
final class AddCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "The config.ini to add the section to.")
    Path config;

    @Parameters(
            index = "1",
            paramLabel = "URL",
            description = "A feed, or a site's page; without a scheme, https:// is tried, then http://.")
    String url;

    @Option(names = "--name", description = "The subscription's name (default: the feed's title).")
    Optional<String> name;

    @Option(
            names = "--pick",
            paramLabel = "N",
            description = "When URL leads to several feeds, add the Nth, as listed (default: 1, the first).")
    Optional<Integer> pick;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (pick.isPresent() && pick.get() < 1) {
            throw new ParameterException(spec.commandLine(), "--pick counts from 1: " + pick.get());
        }
        if (FeedFinder.addresses(url).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "not a URL: " + url);
        }
        Optional<PlanetConfig> loaded = ConfigFiles.load(List.of(config), err);
        if (loaded.isEmpty()) {
            return Main.EXIT_CONFIG;
        }
        Discovery discovery;
        try (var fetcher = new HttpFetcher(OpenPlanet.fetchSettings(loaded.get()))) {
            discovery = new FeedFinder(fetcher, loaded.get().options().allowPrivateAddresses()).find(url);
        }
        if (!(discovery instanceof Discovery.Found found)) {
            err.println("orrery: " + ((Discovery.NotFound) discovery).reason());
            return 1;
        }
        DiscoverCommand.printNotes(found, err);
        List<FoundFeed> feeds = found.feeds();
        int chosen = pick.orElse(1);
        if (feeds.size() > 1 || chosen > 1) {
            listFeeds(found, out);
        }
        if (chosen > feeds.size()) {
            err.println("orrery: there is no feed " + chosen + "; nothing added");
            return 1;
        }
        FoundFeed feed = feeds.get(chosen - 1);
        String key = SubscriptionSections.sameFeedKey(feed.uri());
        if (loaded.get().subscriptions().stream()
                .anyMatch(s -> SubscriptionSections.sameFeedKey(s.feedUri()).equals(key))) {
            err.println("orrery: " + config + " already has [" + feed.uri() + "]");
            return 1;
        }
        if (!SubscriptionSections.canName(feed.uri())) {
            err.println("orrery: " + feed.uri() + " cannot name a config.ini section (it holds ']' or a line break)");
            return 1;
        }
        Optional<String> named = name.or(feed::title);
        try {
            SubscriptionSections.append(config, List.of(SubscriptionSections.section(feed.uri(), named)));
        } catch (IOException e) {
            err.println("orrery: cannot add to " + config + ": " + e.getMessage());
            return Main.EXIT_CANT_CREATE;
        }
        out.println("added [" + feed.uri() + "] to " + config
                + named.map(n -> ", named " + n).orElse("")
                + (feeds.size() > 1 && pick.isEmpty() ? " (the first; --pick N adds another)" : ""));
        return 0;
    }

    /** The feeds found, numbered as {@code --pick} counts them. */
    static void listFeeds(Discovery.Found found, PrintWriter out) {
        List<FoundFeed> feeds = found.feeds();
        out.println(found.page() + " leads to " + (feeds.size() == 1 ? "one feed" : feeds.size() + " feeds") + ":");
        for (int i = 0; i < feeds.size(); i++) {
            out.println("  " + (i + 1) + ". " + DiscoverCommand.describe(feeds.get(i)) + "  "
                    + feeds.get(i).uri());
        }
    }
}
