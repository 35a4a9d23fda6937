package org.orrery.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.orrery.HealthReport;
import org.orrery.Planet;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.FetchResult;
import org.orrery.fetch.Fetcher;
import org.orrery.model.Validators;
import org.orrery.store.JdbcStore;
import org.orrery.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orrery status}: how each subscription is doing, worst first. Reads only; takes no lock. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show how each subscription's fetching goes, worst first: gone, failing,"
                + " duplicate, moved, quiet, new, ok.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    ConfigFiles config;

    @Option(names = "--json", description = "Print the report as JSON (the same as health.json in the output).")
    boolean json;

    @Spec
    CommandSpec spec;

    /** Status reads what runs stored; it fetches nothing. */
    private static final Fetcher NO_FETCHING = new Fetcher() {
        @Override
        public FetchResult fetch(URI uri, Validators validators, boolean privateAllowed) {
            throw new IllegalStateException("orrery status fetches nothing, not " + uri);
        }

        @Override
        public void close() {
            // Nothing to close.
        }
    };

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Optional<PlanetConfig> read = config.load(err);
        if (read.isEmpty()) {
            return Main.EXIT_CONFIG;
        }
        PlanetConfig loaded = read.get();
        HealthReport report;
        try (var store = JdbcStore.open(loaded.options().database(), loaded.databaseFile())) {
            // The report health.json holds: reading lists' feeds and problems included.
            report = new Planet(loaded, NO_FETCHING, store, InstantSource.system()).health();
        } catch (StoreException e) {
            err.println("orrery: " + e.getMessage());
            return Main.EXIT_CANT_CREATE;
        }
        if (json) {
            out.print(new String(report.json(), StandardCharsets.UTF_8));
        } else {
            out.print(report.table());
        }
        out.flush();
        return 0;
    }
}
