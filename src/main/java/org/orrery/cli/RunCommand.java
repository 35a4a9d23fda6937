package org.orrery.cli;

import org.orrery.config.PlanetConfig;
import org.orrery.render.PublishException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orrery run}: what {@code planet.py config.ini} does. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Refresh every subscription that is due, remove old entries (as expunge does), then"
                + " publish the site.")
final class RunCommand extends PlanetCommand {
    @Option(
            names = "--all",
            description = "Fetch every subscription now, even those waiting out a backoff, a Retry-After"
                    + " or a freshness lifetime (gone ones stay gone).")
    boolean all;

    @Override
    int work(OpenPlanet open, PlanetConfig config) throws PublishException {
        report(open.planet.refresh(all));
        var expunged = open.planet.expunge();
        if (!expunged.isEmpty()) {
            out().println(ExpungeCommand.total(expunged));
        }
        reportPublished(config, open.planet.publish());
        return 0;
    }
}
