package org.orrery.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.orrery.config.PlanetConfig;
import org.orrery.config.SubscriptionSections;
import org.orrery.fetch.FetchSettings;
import org.orrery.fetch.HttpFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery add CONFIG URL}: subscribes to a site's feed by appending a section to config.ini. */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = "Find the feed of URL (a feed, or a page announcing one) and append its section to CONFIG."
                + " Its entries arrive with the next run.")
final class AddCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "The config.ini to add the section to.")
    Path config;

    @Parameters(index = "1", paramLabel = "URL", description = "A feed, or a site's page announcing one.")
    URI url;

    @Option(names = "--name", description = "The subscription's name (default: the feed's title).")
    Optional<String> name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        Optional<PlanetConfig> loaded = ConfigFiles.load(List.of(config), err);
        if (loaded.isEmpty()) {
            return Main.EXIT_CONFIG;
        }
        DiscoverCommand.Found feed;
        try (var fetcher = new HttpFetcher(FetchSettings.defaults())) {
            feed = DiscoverCommand.discover(fetcher, url).getFirst();
        } catch (DiscoverCommand.NotFound e) {
            err.println("orrery: " + e.getMessage());
            return 1;
        }
        String key = SubscriptionSections.sameFeedKey(feed.uri());
        if (loaded.get().subscriptions().stream()
                .anyMatch(s -> SubscriptionSections.sameFeedKey(s.feedUri()).equals(key))) {
            err.println("orrery: " + config + " already has [" + feed.uri() + "]");
            return 1;
        }
        try {
            SubscriptionSections.append(
                    config, List.of(SubscriptionSections.section(feed.uri(), name.or(feed::title))));
        } catch (IOException e) {
            err.println("orrery: cannot add to " + config + ": " + e.getMessage());
            return Main.EXIT_CANT_CREATE;
        }
        spec.commandLine().getOut().println("added [" + feed.uri() + "] to " + config);
        return 0;
    }
}
