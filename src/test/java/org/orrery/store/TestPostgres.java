package org.orrery.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster for the store's tests: one per test JVM, made with {@code
 * initdb} in a temporary directory and started with {@code pg_ctl} on a free loopback port the
 * first time a test asks, stopped and deleted when the JVM ends. Each store a test opens gets a
 * schema of its own in it (the same schema for the same database file, so a test that closes
 * and reopens a store finds what it saved).
 *
 * <p>Without PostgreSQL's binaries (on the PATH, or Debian's under {@code
 * /usr/lib/postgresql/VERSION/bin}) the PostgreSQL variants of the tests are skipped, saying so;
 * under {@code CI=true} they fail instead, so CI never passes without running them.
 */
public final class TestPostgres {
    private static final String USER = "orrery";
    private static final long WAIT_SECONDS = 60;

    private static Cluster cluster;
    private static String failure;
    private static final Map<Path, String> SCHEMAS = new HashMap<>();

    private TestPostgres() {}

    /** A store in the schema kept for {@code databaseFile}, made on its first use. */
    public static JdbcStore open(Path databaseFile) {
        return JdbcStore.openPostgresql(url(databaseFile));
    }

    /** The {@code postgresql://} URL of the schema kept for {@code databaseFile}. */
    public static synchronized String url(Path databaseFile) {
        Cluster running = cluster();
        String schema = SCHEMAS.computeIfAbsent(databaseFile.toAbsolutePath(), f -> "store_" + (SCHEMAS.size() + 1));
        try (var connection = DriverManager.getConnection(running.jdbcUrl());
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL: creating schema " + schema + ": " + e, e);
        }
        return running.url() + "&currentSchema=" + schema;
    }

    private static Cluster cluster() {
        if (cluster != null) {
            return cluster;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            String reason = "PostgreSQL's initdb and pg_ctl are not installed (Debian: apt-get install postgresql)";
            if ("true".equals(System.getenv("CI"))) {
                failure = "CI=true and " + reason;
                throw new IllegalStateException(failure);
            }
            Assumptions.abort("skipped: " + reason);
        }
        try {
            cluster = Cluster.start(bin.get());
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            failure = "test PostgreSQL did not start: " + e;
            throw new IllegalStateException(failure, e);
        }
    }

    /** The directory holding initdb and pg_ctl: the PATH's, else the newest Debian version's. */
    private static Optional<Path> binaries() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()
                    && Files.isExecutable(Path.of(dir, "initdb"))
                    && Files.isExecutable(Path.of(dir, "pg_ctl"))) {
                return Optional.of(Path.of(dir));
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(
                            b -> version(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int version(String name) {
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    /** A running cluster and how to stop it. */
    private record Cluster(Path bin, Path home, int port, boolean asPostgresUser) {
        String url() {
            return "postgresql://127.0.0.1:" + port + "/postgres?user=" + USER;
        }

        String jdbcUrl() {
            return "jdbc:" + url();
        }

        static Cluster start(Path bin) throws IOException, InterruptedException {
            // initdb refuses to run as root; Debian's package makes the user "postgres" for it.
            boolean asPostgres = "root".equals(System.getProperty("user.name"));
            Path home = Files.createTempDirectory("orrery-test-postgres");
            if (asPostgres) {
                run(List.of("chown", "postgres", home.toString()));
            }
            Path data = home.resolve("data");
            int port = freePort();
            var cluster = new Cluster(bin, home, port, asPostgres);
            cluster.pg(
                    "initdb",
                    "-D",
                    data.toString(),
                    "-U",
                    USER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--no-sync");
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "test-postgres-stop"));
            cluster.pg(
                    "pg_ctl",
                    "-D",
                    data.toString(),
                    "-l",
                    home.resolve("server.log").toString(),
                    "-w",
                    "-t",
                    Long.toString(WAIT_SECONDS),
                    "-o",
                    "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off",
                    "start");
            return cluster;
        }

        void stop() {
            try {
                pg("pg_ctl", "-D", home.resolve("data").toString(), "-m", "immediate", "-w", "-t", "30", "stop");
            } catch (IOException | InterruptedException | RuntimeException e) {
                // The JVM is ending; the directory goes all the same.
            }
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A temporary directory left behind is the only harm.
            }
        }

        private void pg(String program, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            if (asPostgresUser) {
                command.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            command.add(bin.resolve(program).toString());
            command.addAll(List.of(args));
            run(command);
        }

        private static void run(List<String> command) throws IOException, InterruptedException {
            // Into a file, not a pipe: the server pg_ctl starts must not hold our end open.
            Path log = Files.createTempFile("orrery-test-postgres", ".log");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException(String.join(" ", command) + ": still running after " + WAIT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new IOException(
                            String.join(" ", command) + ": exit " + process.exitValue() + ": " + Files.readString(log));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        }

        private static int freePort() throws IOException {
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
