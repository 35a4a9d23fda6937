package org.orrery.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.orrery.config.PlanetConfig;
import org.orrery.store.JdbcStore;
import org.orrery.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code orrery migrate-store}: moves a planet's store from its SQLite file into a PostgreSQL
 * database (or back), with nothing lost.
 */
@Command(
        name = "migrate-store",
        mixinStandardHelpOptions = true,
        description = "Copy the planet's store into another database, with nothing lost: subscriptions with"
                + " their fetch state and health, entries (hidden ones too), reading lists, sanitised bodies."
                + " The target must be empty; the source is left as it was.")
final class MigrateStoreCommand implements Callable<Integer> {
    /** What names the config's SQLite file in --from and --to. */
    private static final String SQLITE = "sqlite";

    @Mixin
    ConfigFiles config;

    @Option(
            names = "--from",
            defaultValue = SQLITE,
            paramLabel = "DATABASE",
            description = "sqlite (the cache directory's orrery.db, the default) or postgresql://host:port/db?user=...")
    String from;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "DATABASE",
            description = "postgresql://host:port/db?user=... (an empty database), or sqlite")
    String to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Optional<PlanetConfig> read = config.load(err);
        if (read.isEmpty()) {
            return Main.EXIT_CONFIG;
        }
        PlanetConfig planet = read.get();
        if (from.equalsIgnoreCase(to)) {
            err.println("orrery: migrate-store: --from and --to name the same database");
            return Main.EXIT_CONFIG;
        }
        if (from.equalsIgnoreCase(SQLITE) && !java.nio.file.Files.isRegularFile(planet.databaseFile())) {
            err.println("orrery: migrate-store: no store to copy at " + planet.databaseFile());
            return Main.EXIT_CANT_CREATE;
        }
        try (var source = open(from, planet);
                var target = open(to, planet)) {
            Map<String, Long> copied = source.copyInto(target);
            out.printf(
                    "copied %d subscriptions, %d entries, %d reading lists, %d sanitised bodies%n",
                    copied.get("subscription"),
                    copied.get("entry"),
                    copied.get("reading_list"),
                    copied.get("safe_html"));
            out.flush();
            return 0;
        } catch (StoreException e) {
            err.println("orrery: " + e.getMessage());
            return Main.EXIT_CANT_CREATE;
        }
    }

    private static JdbcStore open(String database, PlanetConfig planet) {
        return database.equalsIgnoreCase(SQLITE)
                ? JdbcStore.openSqlite(planet.databaseFile())
                : JdbcStore.openPostgresql(database);
    }
}
