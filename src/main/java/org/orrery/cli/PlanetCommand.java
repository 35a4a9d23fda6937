package org.orrery.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.orrery.config.PlanetConfig;
import org.orrery.render.PublishException;
import org.orrery.store.StoreException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that opens a planet (config, lock, database), does its work and reports. */
abstract class PlanetCommand implements Callable<Integer> {
    @Mixin
    ConfigFiles config;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(
            names = {"-q", "--quiet"},
            description = "Errors only, for cron: nothing on standard output, and on standard error only"
                    + " what stopped the command (feed failures, moves and warnings are left to health.json"
                    + " and orrery status).")
    boolean quiet;

    /** Where nothing goes: standard output and notes under {@code --quiet}. */
    private static final PrintWriter NOWHERE = new PrintWriter(java.io.Writer.nullWriter());

    /** Standard output and error when run without picocli ({@link QuickRun}); else picocli's. */
    private PrintWriter out;

    private PrintWriter err;

    /** Runs this command on {@code out} and {@code err} instead of picocli's streams. */
    final void streams(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Does the command's work; returns the exit status. */
    abstract int work(OpenPlanet open, PlanetConfig config) throws PublishException;

    /**
     * What is checked before the planet is opened (nothing locked, created or fetched yet): the
     * exit status to stop with, after saying why on {@link #err()}, or empty to go on.
     */
    OptionalInt before(PlanetConfig config) {
        return OptionalInt.empty();
    }

    @Override
    public final Integer call() {
        if (!quiet) {
            return run();
        }
        AutoCloseable quietLogs = LogSetup.errorsOnly();
        try {
            return run();
        } finally {
            try {
                quietLogs.close();
            } catch (Exception e) {
                throw new IllegalStateException(e); // restoring a log level throws nothing
            }
        }
    }

    private int run() {
        PrintWriter err = err();
        Optional<PlanetConfig> read = config.load(err);
        if (read.isEmpty()) {
            return Main.EXIT_CONFIG;
        }
        PlanetConfig loaded = read.get();
        OptionalInt stop = before(loaded);
        if (stop.isPresent()) {
            return stop.getAsInt();
        }
        try (var open = OpenPlanet.open(loaded)) {
            return work(open, loaded);
        } catch (PublishException | StoreException e) {
            err.println("orrery: " + e.getMessage());
            return Main.EXIT_CANT_CREATE;
        } catch (IOException e) {
            err.println("orrery: " + e.getMessage());
            return e.getMessage() != null && e.getMessage().startsWith("another Orrery run")
                    ? Main.EXIT_LOCKED
                    : Main.EXIT_CANT_CREATE;
        }
    }

    PrintWriter out() {
        if (quiet) {
            return NOWHERE;
        }
        return out != null ? out : spec.commandLine().getOut();
    }

    /** Standard error for what is news but no error (a feed that failed, a warning): nowhere under {@code --quiet}. */
    PrintWriter notes() {
        return quiet ? NOWHERE : err();
    }

    PrintWriter err() {
        return err != null ? err : spec.commandLine().getErr();
    }

    void reportPublished(PlanetConfig config, int written) {
        out().println("published "
                + config.outputDir().resolve("index.html").toAbsolutePath().normalize() + " (" + written
                + (written == 1 ? " file" : " files") + " changed)");
    }
}
