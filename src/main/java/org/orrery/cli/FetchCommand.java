package org.orrery.cli;

import org.orrery.config.PlanetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orrery fetch}: refresh only. */
@Command(
        name = "fetch",
        mixinStandardHelpOptions = true,
        description = "Refresh every subscription that is due into the database, without publishing.")
final class FetchCommand extends PlanetCommand {
    @Option(
            names = "--all",
            description = "Fetch every subscription now, even those waiting out a backoff, a Retry-After"
                    + " or a freshness lifetime (gone ones stay gone).")
    boolean all;

    @Override
    int work(OpenPlanet open, PlanetConfig config) {
        report(refresh(open, all));
        return 0;
    }
}
