package org.orrery.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.OptionalInt;
import org.orrery.config.PlanetConfig;
import org.orrery.render.PublishException;
import org.orrery.serve.PlanetServer;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code orrery serve}: the planet kept fresh and served by one long-running process. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Keep the planet fresh and serve it over HTTP: each feed fetched when it is due"
                + " (poll_interval, unless its server states a freshness lifetime), the pages that changed"
                + " published again within seconds, output_dir served with ETags, gzip and caching headers,"
                + " /healthz for monitors. Holds the planet's lock as run does; status and check work beside"
                + " it. SIGHUP, or a change to a config file, reads the config again; SIGTERM stops cleanly.")
final class ServeCommand extends PlanetCommand {
    @Option(
            names = "--port",
            paramLabel = "N",
            description = "The port to listen on (default: ${DEFAULT-VALUE}; 0 for any free one).")
    int port = 8080;

    @Option(
            names = "--bind",
            paramLabel = "ADDR",
            description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every one).")
    String bind = "127.0.0.1";

    @Mixin
    PublishPreflight preflight = new PublishPreflight();

    @Override
    OptionalInt before(PlanetConfig config) {
        if (port < 0 || port > 65535) {
            err().println("orrery: --port " + port + " is not a port (0 to 65535)");
            return OptionalInt.of(2);
        }
        return preflight.check(config, err(), notes());
    }

    @Override
    int work(OpenPlanet open, PlanetConfig config) throws PublishException {
        LogSetup.serving();
        PlanetServer server;
        try {
            server = PlanetServer.start(
                    config, open.store(), open.fetcher(), this::reread, PlanetServer.Settings.of(bind, port));
        } catch (IOException e) {
            err().println("orrery: " + e.getMessage());
            return Main.EXIT_CANT_CREATE;
        }
        // SIGTERM (and SIGINT): stop fetching, finish or skip what is under way, close the
        // database and release the lock before the JVM ends.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, open), "serve-shutdown"));
        onHangUp(server);
        out().println("serving http://" + hostInUrl(bind) + ":" + server.port() + "/ from "
                + config.outputDir().toAbsolutePath().normalize() + " (" + server.subscriptions() + " subscriptions)");
        out().flush();
        try {
            server.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(server, open);
        }
        return 0;
    }

    private Optional<PlanetConfig> reread() {
        var problems = new StringWriter();
        Optional<PlanetConfig> read = ConfigFiles.load(config.files, new PrintWriter(problems, true));
        if (!problems.toString().isBlank()) {
            LoggerFactory.getLogger(ServeCommand.class)
                    .error("serve: {}", problems.toString().strip());
        }
        return read;
    }

    private static void stop(PlanetServer server, OpenPlanet open) {
        var log = LoggerFactory.getLogger(PlanetServer.class);
        log.info("serve: stopping");
        server.close();
        try {
            open.close();
            log.info("serve: stopped; the database is closed and the lock released");
        } catch (IOException e) {
            log.error("serve: closing the planet: {}", e.toString());
        }
    }

    /** SIGHUP reads the config again, where the JVM lets a program handle it (the files' modification times are watched anyway). */
    @SuppressWarnings("removal")
    private static void onHangUp(PlanetServer server) {
        try {
            sun.misc.Signal.handle(
                    new sun.misc.Signal("HUP"), signal -> Thread.ofVirtual().start(server::reload));
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LoggerFactory.getLogger(ServeCommand.class)
                    .info("serve: SIGHUP cannot be handled here ({}); edit the config to reload it", e.toString());
        }
    }

    private static String hostInUrl(String bind) {
        return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    }
}
