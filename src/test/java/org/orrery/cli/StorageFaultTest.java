package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that can no longer grow, made real with a file-size limit ({@code ulimit -f}, which
 * holds for root too: writes past it fail with "File too large", as on a full disk): the run
 * stops with one line and status 73, the site stays as it was, and nothing stored is lost.
 */
class StorageFaultTest {
    @TempDir
    Path dir;

    private Path feed;
    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        feed = dir.resolve("feed.rss");
        Files.writeString(feed, rss(2));
        config = dir.resolve("config.ini");
        Files.writeString(
                config,
                """
                [Planet]
                name = Planet Storage
                cache_directory = %s
                output_dir = %s

                [%s]
                name = Big
                """
                        .formatted(dir.resolve("cache"), dir.resolve("output"), feed));
    }

    @Test
    void databaseThatCannotGrowStopsTheRunWithOneLineAndKeepsTheSiteAndEntries() throws Exception {
        assertThat(orrery(0, "run", config.toString()).status()).isZero();
        byte[] site = Files.readAllBytes(dir.resolve("output/index.html"));
        Files.writeString(feed, rss(400));

        // The database (64 KiB) can be read and locked, not grown by 400 entries of 2 KiB.
        var full = orrery(160, "run", config.toString());

        assertThat(full.status()).isEqualTo(Main.EXIT_CANT_CREATE);
        assertThat(full.err().lines().toList())
                .singleElement()
                .asString()
                .startsWith("orrery: store: saving 400 entries for " + feed.toUri());
        assertThat(full.err()).doesNotContain("\tat ", "internal error");
        assertThat(Files.readAllBytes(dir.resolve("output/index.html"))).isEqualTo(site);
        assertThat(stored("PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(stored("SELECT COUNT(*) FROM entry")).isEqualTo("2");

        var later = orrery(0, "run", config.toString());

        assertThat(later.status()).isZero();
        assertThat(stored("SELECT COUNT(*) FROM entry")).isEqualTo("400");
    }

    /** One run of Orrery in a JVM of its own, its files limited to {@code maxKib} KiB (0: no limit). */
    private CliRun orrery(int maxKib, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        String limit = maxKib == 0 ? "unlimited" : String.valueOf(maxKib);
        var process = new ProcessBuilder("bash", "-c", "ulimit -f " + limit + " && exec \"$@\"", "orrery")
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .directory(dir.toFile());
        process.command().addAll(command);
        Process started = process.start();
        assertThat(started.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new CliRun(
                started.exitValue(),
                Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private String stored(String query) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache/orrery.db"));
                var statement = connection.createStatement();
                var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String rss(int items) {
        var text = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>"
                + "<link>https://big.example.org/</link>");
        String body = "lorem ipsum dolor sit amet ".repeat(80);
        for (int i = 0; i < items; i++) {
            text.append("<item><title>Post %d</title><guid>https://big.example.org/%d</guid>".formatted(i, i))
                    .append("<pubDate>Mon, 18 Sep 2017 %02d:%02d:00 GMT</pubDate>".formatted(i / 60 % 24, i % 60))
                    .append("<description>")
                    .append(body)
                    .append(i)
                    .append("</description></item>");
        }
        return text.append("</channel></rss>").toString();
    }
}
