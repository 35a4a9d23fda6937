package org.orrery.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalInt;
import org.orrery.config.PlanetConfig;
import org.orrery.refresh.RefreshSummary;
import picocli.CommandLine.Option;

/** A planet command that first refreshes the subscriptions that are due, or all with {@code --all}. */
abstract class RefreshingCommand extends PlanetCommand {
    @Option(
            names = "--all",
            description = "Fetch every subscription now, even those waiting out a backoff, a Retry-After"
                    + " or a freshness lifetime (gone ones stay gone).")
    boolean all;

    /** Warns of relative directories that resolve outside the config's directory (run checks more). */
    @Override
    OptionalInt before(PlanetConfig config) {
        Preflight.warnOutsideConfigDirectory(config, Path.of("").toAbsolutePath(), notes());
        return OptionalInt.empty();
    }

    /**
     * Refreshes the planet, then reports failures, moves and reading lists on standard error and
     * the totals on standard output. On a terminal a progress line is drawn meanwhile, ending as
     * a line of totals; elsewhere the refresh is silent (cron logs keep only the report).
     */
    final void refreshAndReport(OpenPlanet open) {
        report(refresh(open));
    }

    private RefreshSummary refresh(OpenPlanet open) {
        Optional<PrintWriter> terminal = quiet ? Optional.empty() : RefreshProgress.terminal();
        if (terminal.isEmpty()) {
            return open.planet.refresh(all);
        }
        var progress = new RefreshProgress(terminal.get(), open::bytesReceived, InstantSource.system());
        RefreshSummary summary = open.planet.refresh(all, progress);
        progress.finish();
        return summary;
    }

    private void report(RefreshSummary summary) {
        summary.failures().forEach(f -> notes().println("failed: " + f));
        summary.moved().forEach(m -> notes().println("moved: " + m));
        summary.readingLists().forEach(l -> notes().println("reading list: " + l));
        out().println(summary.line());
    }
}
