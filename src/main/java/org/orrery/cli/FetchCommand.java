package org.orrery.cli;

import org.orrery.config.PlanetConfig;
import picocli.CommandLine.Command;

/** {@code orrery fetch}: refresh only. */
@Command(
        name = "fetch",
        mixinStandardHelpOptions = true,
        description = "Refresh every subscription that is due into the database, without publishing.")
final class FetchCommand extends RefreshingCommand {
    @Override
    int work(OpenPlanet open, PlanetConfig config) {
        refreshAndReport(open);
        return 0;
    }
}
