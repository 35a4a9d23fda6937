package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orrery run CONFIG}, read without picocli, does and says what picocli's reading of the
 * same line does; every other line is left to picocli. {@code --} before the config makes
 * picocli read a line that means the same.
 */
class QuickRunTest {
    @TempDir
    Path dir;

    private FeedServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new FeedServer("e2e");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Path planet(String name) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Path config = home.resolve("config.ini");
        Files.writeString(
                config,
                """
                [Planet]
                name = Planet %s
                link = https://planet.example.org/
                cache_directory = %s
                output_dir = %s

                [%s]
                name = Moshe Zadka

                [%s]
                name = Nobody
                """
                        .formatted(
                                name,
                                home.resolve("cache"),
                                home.resolve("output"),
                                server.url("moshe.atom"),
                                server.url("missing.xml")));
        return config;
    }

    @Test
    void runsAPlanetAsPicocliDoes() throws Exception {
        Path quickConfig = planet("quick");
        Path picocliConfig = planet("picocli");

        for (var pass : List.of(
                List.<String>of(),
                List.of("--all"),
                List.of("--no-ping", "--all"),
                List.of("--allow-default-theme", "--all"))) {
            var quick = CliRun.of(line(pass, quickConfig.toString()));
            var picocli = CliRun.of(line(pass, "--", picocliConfig.toString()));

            assertThat(quick.status())
                    .as("after %s", pass)
                    .isEqualTo(picocli.status())
                    .isZero();
            assertThat(quick.out().replace("quick", "picocli"))
                    .as("after %s", pass)
                    .isEqualTo(picocli.out());
            assertThat(quick.err().replace("quick", "picocli"))
                    .as("after %s", pass)
                    .isEqualTo(picocli.err());
            assertThat(quick.err()).contains("failed: " + server.url("missing.xml"));
        }
        assertThat(Files.readString(dir.resolve("quick/output/index.html"))).contains("Announcing NColony 17.9.0");
    }

    @Test
    void aConfigThatCannotBeUsedEndsAsWithPicocli() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.ini"), "[Planet]\nname = x\nthis line is not an option\n");

        var quick = CliRun.of("run", broken.toString());
        var picocli = CliRun.of("run", "--", broken.toString());

        assertThat(quick.status()).isEqualTo(picocli.status()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(quick.err()).isEqualTo(picocli.err()).contains("broken.ini:3");
        assertThat(quick.out()).isEqualTo(picocli.out()).isEmpty();
    }

    @Test
    void leavesEveryOtherLineToPicocli() throws Exception {
        Path config = planet("other");

        assertThat(QuickRun.execute(null, null, "run")).isEmpty();
        assertThat(QuickRun.execute(null, null, "build", config.toString())).isEmpty();
        assertThat(QuickRun.execute(null, null, "run", "--help", config.toString()))
                .isEmpty();
        assertThat(QuickRun.execute(null, null, "run", "--all", "--all", config.toString()))
                .isEmpty();
        assertThat(QuickRun.execute(null, null, "run", "@args.txt")).isEmpty();
        assertThat(QuickRun.execute(null, null, "run", "--all")).isEmpty();
        assertThat(QuickRun.execute(null, null, "run", "")).isEmpty();

        var missing = CliRun.of("run");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required parameter");
        var unknown = CliRun.of("run", "--everything", config.toString());
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--everything'");
        assertThat(Files.exists(dir.resolve("other/cache"))).isFalse();
    }

    private static String[] line(List<String> options, String... rest) {
        var args = new java.util.ArrayList<String>();
        args.add("run");
        args.addAll(options);
        args.addAll(List.of(rest));
        return args.toArray(String[]::new);
    }
}
