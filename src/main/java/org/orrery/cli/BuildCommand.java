package org.orrery.cli;

import java.util.OptionalInt;
import org.orrery.config.PlanetConfig;
import org.orrery.render.PublishException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code orrery build}: publish from what is stored (Venus's {@code -o}). */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = "Publish the site from what is stored, without fetching (Venus's --offline). A configured"
                + " theme that cannot be used (output_theme or a template missing, a template that does not"
                + " compile) stops it before anything is written, unless --allow-default-theme is given.")
final class BuildCommand extends PlanetCommand {
    @Mixin
    PublishPreflight preflight = new PublishPreflight();

    @Override
    OptionalInt before(PlanetConfig config) {
        return preflight.check(config, err(), notes());
    }

    @Override
    int work(OpenPlanet open, PlanetConfig config) throws PublishException {
        reportPublished(config, open.planet.publish());
        return 0;
    }
}
