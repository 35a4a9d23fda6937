package org.orrery.cli;

import java.io.PrintWriter;
import java.util.OptionalInt;
import org.orrery.config.PlanetConfig;
import picocli.CommandLine.Option;

/**
 * What {@code run} and {@code build} check before they lock, create or fetch anything ({@link
 * Preflight#publishing}), with the option that lets the default theme stand in for a configured
 * one that cannot be used.
 */
final class PublishPreflight {
    @Option(
            names = Preflight.ALLOW_DEFAULT_THEME,
            description = "Publish even when the configured theme cannot be used, with Orrery's default theme's"
                    + " files in place of the missing or broken ones (a warning names each).")
    boolean allowDefaultTheme;

    /** The exit status to stop with, after saying why on {@code err}; warnings on {@code notes}. */
    OptionalInt check(PlanetConfig config, PrintWriter err, PrintWriter notes) {
        return Preflight.publishing(config, allowDefaultTheme, err, notes);
    }
}
