package org.orrery.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.orrery.config.PlanetConfig;
import org.orrery.model.Channel;
import org.orrery.model.River;
import org.orrery.model.Subscription;
import org.orrery.publish.Publisher;
import org.orrery.render.Site;
import org.orrery.render.SiteRenderer;
import org.orrery.store.JdbcStore;
import org.orrery.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code orrery opml export CONFIG}: the config's subscriptions as OPML 2.0 on standard output,
 * written by the same template as the site's {@code opml.xml}.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Print the subscriptions of CONFIG as OPML 2.0 (UTF-8), for a feed reader or another"
                + " planet. Each feed's site is given once the planet has fetched the feed.")
final class OpmlExportCommand implements Callable<Integer> {
    @Mixin
    ConfigFiles files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        Optional<PlanetConfig> read = files.load(err);
        if (read.isEmpty()) {
            return Main.EXIT_CONFIG;
        }
        PlanetConfig config = read.get();
        List<Channel> channels;
        try {
            channels = channels(config, config.subscriptions());
        } catch (StoreException e) {
            err.println("orrery: " + e.getMessage());
            return Main.EXIT_CANT_CREATE;
        }
        // Standard output is UTF-8 whatever encoding the planet publishes its files in.
        Site utf8 = Publisher.site(config).withEncoding("utf-8");
        byte[] opml = new SiteRenderer(utf8)
                .render(new River(List.of(), channels), Instant.now())
                .get("opml.xml");
        spec.commandLine().getOut().print(new String(opml, StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * The subscriptions in config order, named as the site names them; with their sites' links
     * when the planet's database exists (it is read, never created).
     */
    private static List<Channel> channels(PlanetConfig config, List<Subscription> subscriptions) {
        Map<String, Channel> stored = new HashMap<>();
        if (Files.isRegularFile(config.databaseFile())) {
            try (var store = JdbcStore.openSqlite(config.databaseFile())) {
                store.river(subscriptions, 0)
                        .channels()
                        .forEach(c -> stored.put(c.feedUri().toString(), c));
            }
        }
        return subscriptions.stream()
                .map(s -> Optional.ofNullable(stored.get(s.feedUri().toString()))
                        .orElseGet(() -> new Channel(
                                s.feedUri(),
                                s.name().orElse(s.feedUri().toString()),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                s.options())))
                .toList();
    }
}
