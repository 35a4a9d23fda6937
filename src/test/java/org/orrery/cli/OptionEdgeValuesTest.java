package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orrery.config.ConfigLoader;
import org.orrery.config.OptionTable;

/**
 * Every value {@code check} accepts is one {@code run} accepts: each option Orrery reads, set to
 * edge values in {@code [Planet]} and in a subscription's section, is either refused by {@code
 * check} (exit 78, the option named, no stack trace) or run without an error.
 */
class OptionEdgeValuesTest {
    private static final List<String> VALUES = List.of(
            "0", "-1", "\"\"", "2147483648", "99999999999999999999", "garbage <&> é %", "two\n  lines", "http://[::1");
    // Relative values would be directories of the test's working directory; the test sets them.
    private static final Set<String> SET_BY_THE_TEST = Set.of("cache_directory", "output_dir");
    private static final List<String> PER_SUBSCRIPTION = OptionTable.all().values().stream()
            .filter(o -> o.scope() != OptionTable.Scope.PLANET)
            .map(OptionTable.Option::name)
            .sorted()
            .toList();

    private static FeedServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = new FeedServer("e2e");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> values() {
        return VALUES;
    }

    /**
     * Checks each option alone, then runs one config holding every option {@code check} accepted
     * with this value (a run per option and value took minutes); when that run fails, each
     * option is run alone to name the culprits.
     */
    @ParameterizedTest(name = "every option = {0}")
    @MethodSource("values")
    void everyValueCheckAcceptsIsOneRunAccepts(String value) throws IOException {
        List<String> planet = ConfigLoader.knownOptions().stream()
                .filter(o -> !SET_BY_THE_TEST.contains(o))
                .sorted()
                .filter(o -> checkAccepts(o, Map.of(o, value), Map.of()))
                .toList();
        List<String> feed = PER_SUBSCRIPTION.stream()
                .filter(o -> checkAccepts(o, Map.of(), Map.of(o, value)))
                .toList();
        Map<String, String> all = new LinkedHashMap<>();
        planet.forEach(o -> all.put(o, value));
        Map<String, String> allFeed = new LinkedHashMap<>();
        feed.forEach(o -> allFeed.put(o, value));

        Path config = config(all, allFeed);
        assertThat(CliRun.of("check", config.toString()).status()).isZero();
        if (runs(config)) {
            return;
        }
        List<String> culprits = new ArrayList<>();
        planet.stream()
                .filter(o -> !runs(quietly(() -> config(Map.of(o, value), Map.of()))))
                .forEach(o -> culprits.add("[Planet] " + o));
        feed.stream()
                .filter(o -> !runs(quietly(() -> config(Map.of(), Map.of(o, value)))))
                .forEach(o -> culprits.add("[feed] " + o));
        assertThat(culprits)
                .as("options check accepts = %s but run does not", value)
                .isEmpty();
    }

    /** Whether {@code check} accepts the option; when it does not, it must say which and why. */
    private boolean checkAccepts(String option, Map<String, String> planet, Map<String, String> feed) {
        var check = CliRun.of("check", quietly(() -> config(planet, feed)).toString());
        if (check.status() == 0) {
            return true;
        }
        assertThat(check.status()).as(check.err()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(check.err()).contains(option).doesNotContain("\tat ");
        return false;
    }

    private static boolean runs(Path config) {
        var run = CliRun.of("run", "--no-ping", config.toString());
        return run.status() == 0 && !run.err().contains("\tat ") && !run.err().contains("unexpected error");
    }

    private Path config(Map<String, String> planet, Map<String, String> feed) throws IOException {
        Path planetDir = Files.createTempDirectory(dir, "planet");
        return Files.writeString(
                planetDir.resolve("config.ini"),
                """
                [Planet]
                name = Edges
                cache_directory = %s
                output_dir = %s
                %s
                [%s]
                %s"""
                        .formatted(
                                planetDir.resolve("cache"),
                                planetDir.resolve("output"),
                                lines(planet),
                                server.url("moshe.atom"),
                                lines(feed)));
    }

    private static String lines(Map<String, String> options) {
        var out = new StringBuilder();
        options.forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
        return out.toString();
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T quietly(IoSupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
