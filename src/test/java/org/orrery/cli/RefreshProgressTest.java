package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.refresh.RefreshListener.Outcome;

/** The progress line of {@code orrery run} and {@code fetch}, drawn into a writer the test reads. */
class RefreshProgressTest {
    private static final String CLEAR = "\r\u001b[2K";
    private static final URI FEED = URI.create("https://example.org/feed");

    @TempDir
    Path dir;

    private Instant now = Instant.parse("2026-03-01T12:00:00Z");
    private final InstantSource clock = () -> now;

    @Test
    void saysHowManyFeedsAreDoneOfAllHowManyFailedAndHowMuchCameIn() {
        assertThat(RefreshProgress.line(120, 567, 3, 4_404_019))
                .isEqualTo("refreshing 120/567 feeds, 3 failed, 4.2 MiB received");
        assertThat(RefreshProgress.line(0, 1, 0, 0)).isEqualTo("refreshing 0/1 feed, 0 failed, 0 B received");
    }

    @Test
    void writesSizesAsPeopleReadThem() {
        assertThat(RefreshProgress.size(1023)).isEqualTo("1023 B");
        assertThat(RefreshProgress.size(1536)).isEqualTo("1.5 KiB");
        assertThat(RefreshProgress.size(16L * 1024 * 1024)).isEqualTo("16.0 MiB");
        assertThat(RefreshProgress.size(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GiB");
    }

    @Test
    void isShownOnlyOnATerminalOutsideCi() {
        assertThat(RefreshProgress.shown(true, Map.of("TERM", "xterm-256color")))
                .isTrue();
        assertThat(RefreshProgress.shown(false, Map.of("TERM", "xterm-256color")))
                .isFalse();
        assertThat(RefreshProgress.shown(true, Map.of("CI", "true"))).isFalse();
        assertThat(RefreshProgress.shown(true, Map.of("CI", "false"))).isTrue();
        assertThat(RefreshProgress.shown(true, Map.of("TERM", "dumb"))).isFalse();
    }

    @Test
    void redrawsOneLineAtMostTenTimesASecondAndEndsWithTheTotals() {
        var out = new StringWriter();
        var bytes = new AtomicLong();
        var progress = new RefreshProgress(new PrintWriter(out), bytes::get, clock);

        progress.starting(3);
        bytes.set(2048);
        progress.finished(FEED, Outcome.FETCHED);
        now = now.plusMillis(10);
        progress.finished(FEED, Outcome.FAILED);
        now = now.plusMillis(10);
        progress.finished(FEED, Outcome.NOT_MODIFIED);
        now = now.plus(Duration.ofMillis(1480));
        progress.finish();

        assertThat(out.toString())
                .isEqualTo(CLEAR + "refreshing 0/3 feeds, 0 failed, 0 B received"
                        + CLEAR + "refreshing 3/3 feeds, 1 failed, 2.0 KiB received"
                        + CLEAR + "refreshed 3 feeds, 1 failed, 2.0 KiB received in 1.5 s\n");
    }

    @Test
    void aLogLineGoesAboveTheProgressLineWhichIsDrawnAgainBelowIt() {
        var out = new StringWriter();
        var terminal = new PrintWriter(out);
        var progress = new RefreshProgress(terminal, () -> 0, clock);
        progress.starting(2);
        progress.finished(FEED, Outcome.FETCHED);

        RefreshProgress.aboveProgress(() -> terminal.print("WARN Planet: something\n"));
        progress.finish();
        RefreshProgress.aboveProgress(() -> terminal.print("WARN Planet: afterwards\n"));

        assertThat(out.toString())
                .isEqualTo(CLEAR + "refreshing 0/2 feeds, 0 failed, 0 B received"
                        + CLEAR + "WARN Planet: something\n"
                        + "refreshing 1/2 feeds, 0 failed, 0 B received"
                        + CLEAR + "refreshed 1 feed, 0 failed, 0 B received in 0.0 s\n"
                        + "WARN Planet: afterwards\n");
    }

    @Test
    void hearsOfEveryFeedOfARealRefreshAndTheBytesItReceived() throws Exception {
        try (var server = new FeedServer("e2e")) {
            Path config = Files.writeString(
                    dir.resolve("config.ini"),
                    "[Planet]\nname = P\ncache_directory = %s\noutput_dir = %s\n\n[%s]\n\n[%s]\n"
                            .formatted(
                                    dir.resolve("cache"),
                                    dir.resolve("output"),
                                    server.url("moshe.atom"),
                                    server.url("missing.xml")));
            var out = new StringWriter();
            try (var open = OpenPlanet.open(ConfigLoader.load(List.of(config)))) {
                var progress = new RefreshProgress(new PrintWriter(out), open::bytesReceived, clock);
                open.planet.refresh(false, progress);
                progress.finish();
            }

            assertThat(out.toString())
                    .endsWith(CLEAR + "refreshed 2 feeds, 1 failed, " + RefreshProgress.size(resourceSize("moshe.atom"))
                            + " received in 0.0 s\n");
        }
    }

    @Test
    void aRunWithoutATerminalPrintsOnlyItsReport() throws Exception {
        try (var server = new FeedServer("e2e")) {
            Path config = Files.writeString(
                    dir.resolve("config.ini"),
                    "[Planet]\nname = P\ncache_directory = %s\noutput_dir = %s\n\n[%s]\n"
                            .formatted(dir.resolve("cache"), dir.resolve("output"), server.url("moshe.atom")));

            var run = CliRun.of("fetch", config.toString());

            assertThat(run.status()).isZero();
            assertThat(run.out()).isEqualTo("1 feed: 1 ok, 0 not modified, 0 failed; entries: 2 new, 0 updated\n");
            assertThat(run.err()).doesNotContain("\r", "\u001b");
        }
    }

    private static long resourceSize(String name) throws Exception {
        try (InputStream in = RefreshProgressTest.class.getResourceAsStream("/e2e/" + name)) {
            return in.readAllBytes().length;
        }
    }
}
