package org.orrery.cli;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.OptionalInt;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.FetchSettings;
import org.orrery.hub.HubPing;
import org.orrery.render.PublishException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code orrery run}: what {@code planet.py -x config.ini} does. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Refresh every subscription that is due, remove old entries (as expunge does), publish the"
                + " site, then ping the pubsubhubbub_hub if one is set. When nothing the site shows has changed"
                + " since it was last published, only health.json is written. Before fetching, it makes sure the"
                + " site can be published: output_dir and cache_directory writable, the configured theme usable"
                + " (unless --allow-default-theme is given).")
final class RunCommand extends RefreshingCommand {
    @Option(
            names = "--no-ping",
            description = "Do not ping the pubsubhubbub_hub after publishing (Venus's --no-publish).")
    boolean noPing;

    @Mixin
    PublishPreflight preflight = new PublishPreflight();

    @Override
    OptionalInt before(PlanetConfig config) {
        return preflight.check(config, err(), notes());
    }

    @Override
    int work(OpenPlanet open, PlanetConfig config) throws PublishException {
        refreshAndReport(open);
        var upkeep = open.planet.expungeAndPublishIfChanged();
        if (!upkeep.expunged().isEmpty()) {
            out().println(ExpungeCommand.total(upkeep.expunged()));
        }
        var written = upkeep.written();
        if (written.isEmpty()) {
            out().println("site unchanged: nothing it shows changed since it was last published"
                    + " (health.json updated; `orrery build` publishes it all again)");
            return 0;
        }
        reportPublished(config, written.getAsInt());
        if (!noPing) {
            pingHub(config);
        }
        return 0;
    }

    /**
     * Venus's {@code splice.publish}: the hub hears of each of {@code pubsubhubbub_feeds} that
     * the output holds, at its URL under {@code link}. A hub that fails is reported, not fatal.
     */
    private void pingHub(PlanetConfig config) {
        String hub = config.options().pubsubhubbubHub().orElse("");
        if (hub.isBlank()) {
            return;
        }
        var err = notes(); // a hub that fails is reported, not fatal: not an error
        if (config.link().isBlank()) {
            err.println("hub: not pinged: link is not set, so the feeds have no URL");
            return;
        }
        URI hubUri;
        List<URI> feeds;
        try {
            hubUri = new URI(hub.strip());
            URI link = new URI(config.link().strip());
            feeds = config.options().pubsubhubbubFeeds().stream()
                    .filter(file -> Files.isRegularFile(config.outputDir().resolve(file)))
                    .map(link::resolve)
                    .toList();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            err.println("hub: not pinged: " + e.getMessage());
            return;
        }
        if (feeds.isEmpty()) {
            return;
        }
        new HubPing(config.feedTimeout(), FetchSettings.userAgent(config.link()))
                .ping(hubUri, feeds)
                .ifPresentOrElse(
                        problem -> err.println("hub: " + hubUri + ": " + problem), () -> out().println("pinged "
                                + hubUri + " for " + feeds.size() + (feeds.size() == 1 ? " feed" : " feeds")));
    }
}
