package org.orrery.cli;

import org.orrery.config.PlanetConfig;
import picocli.CommandLine.Command;

/** {@code orrery fetch}: refresh only. */
@Command(
        name = "fetch",
        mixinStandardHelpOptions = true,
        description = "Refresh every subscription into the database without publishing.")
final class FetchCommand extends PlanetCommand {
    @Override
    int work(OpenPlanet open, PlanetConfig config) {
        report(open.planet.refresh());
        return 0;
    }
}
