package org.orrery.cli;

import org.orrery.config.PlanetConfig;
import org.orrery.render.PublishException;
import picocli.CommandLine.Command;

/** {@code orrery run}: what {@code planet.py config.ini} does. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Refresh every subscription, then publish the site.")
final class RunCommand extends PlanetCommand {
    @Override
    int work(OpenPlanet open, PlanetConfig config) throws PublishException {
        report(open.planet.refresh());
        reportPublished(config, open.planet.publish());
        return 0;
    }
}
