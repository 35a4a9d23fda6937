package org.orrery.cli;

import org.orrery.config.PlanetConfig;
import org.orrery.render.PublishException;
import picocli.CommandLine.Command;

/** {@code orrery build}: publish from what is stored (Venus's {@code -o}). */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = "Publish the site from what is stored, without fetching (Venus's --offline).")
final class BuildCommand extends PlanetCommand {
    @Override
    int work(OpenPlanet open, PlanetConfig config) throws PublishException {
        reportPublished(config, open.planet.publish());
        return 0;
    }
}
