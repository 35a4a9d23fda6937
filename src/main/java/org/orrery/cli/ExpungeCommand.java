package org.orrery.cli;

import java.util.List;
import org.orrery.config.PlanetConfig;
import org.orrery.store.Expunged;
import picocli.CommandLine.Command;

/** {@code orrery expunge}: Venus's {@code planet.py -x}, on its own. */
@Command(
        name = "expunge",
        mixinStandardHelpOptions = true,
        description = "Remove old entries from the database: of each feed all but the newest cache_keep_entries"
                + " (and those of the last cache_keep_days days, those still in the feed and those on the front"
                + " page), and every entry of feeds no longer in the config. Prints what it removed.")
final class ExpungeCommand extends PlanetCommand {
    @Override
    int work(OpenPlanet open, PlanetConfig config) {
        List<Expunged> expunged = open.planet.expunge();
        for (Expunged feed : expunged) {
            out().println(line(feed));
        }
        out().println(total(expunged));
        return 0;
    }

    static String line(Expunged feed) {
        return feed.subscribed()
                ? "%s: removed %d %s, kept %d"
                        .formatted(feed.feedUri(), feed.removed(), entries(feed.removed()), feed.kept())
                : "%s: removed %d %s: no longer subscribed"
                        .formatted(feed.feedUri(), feed.removed(), entries(feed.removed()));
    }

    static String total(List<Expunged> expunged) {
        int removed = expunged.stream().mapToInt(Expunged::removed).sum();
        return "expunged %d %s of %d %s"
                .formatted(removed, entries(removed), expunged.size(), expunged.size() == 1 ? "feed" : "feeds");
    }

    private static String entries(int n) {
        return n == 1 ? "entry" : "entries";
    }
}
