package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class MainTest {
    private static final String[] COMMANDS = {
        "run", "fetch", "build", "expunge", "status", "discover", "add", "opml", "check", "parse", "help"
    };

    @Test
    void helpListsEveryCommand() {
        for (var args : new String[][] {{"--help"}, {"help"}, {}}) {
            var run = CliRun.of(args);
            String shown = run.out() + run.err();
            for (String command : COMMANDS) {
                assertThat(shown).as("orrery %s", String.join(" ", args)).containsPattern("(?m)^  " + command + " ");
            }
        }
    }

    @Test
    void aCommandNamedFirstRunsWithItsOwnHelpAndSubcommands() {
        var run = CliRun.of("run", "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: orrery run ").contains("--all");

        var help = CliRun.of("help", "status");
        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith("Usage: orrery status ");

        var opml = CliRun.of("opml", "export", "--help");
        assertThat(opml.status()).isZero();
        assertThat(opml.out()).startsWith("Usage: orrery opml export ");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        var run = CliRun.of("frobnicate");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void logLinesSayLevelLoggerAndMessage() {
        var layout = new LogSetup.LineLayout();
        var context = new LoggerContext();
        var event = new LoggingEvent(
                "x", context.getLogger("org.orrery.Planet"), Level.WARN, "{}: moved", null, new Object[] {"feed"});
        event.setTimeStamp(java.time.Instant.parse("2026-12-05T07:25:01.734Z").toEpochMilli());
        assertThat(layout.doLayout(event))
                .as("with the time, in UTC, to the second")
                .isEqualTo("2026-12-05T07:25:01Z WARN Planet: feed: moved" + System.lineSeparator());

        var failed = new LoggingEvent(
                "x", context.getLogger("Top"), Level.ERROR, "broke", new IllegalStateException("why"), null);
        failed.setTimeStamp(java.time.Instant.parse("2026-12-05T07:25:02Z").toEpochMilli());
        assertThat(layout.doLayout(failed))
                .startsWith("2026-12-05T07:25:02Z ERROR Top: broke" + System.lineSeparator()
                        + "java.lang.IllegalStateException: why")
                .contains("\tat org.orrery.cli.MainTest.logLinesSayLevelLoggerAndMessage");
    }

    @Test
    void theLogLevelComesFromTheEnvironmentAndDefaultsToWarnings() {
        assertThat(LogSetup.level(null)).isEqualTo(Level.WARN);
        assertThat(LogSetup.level(" debug ")).isEqualTo(Level.DEBUG);
        assertThat(LogSetup.level("LOUD")).isEqualTo(Level.WARN);
        assertThat(LogSetup.level("OFF")).isEqualTo(Level.OFF);
    }

    @Test
    void logbackIsSetUpInCode() {
        var context = new LoggerContext();
        new LogSetup().configure(context);
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("STDERR")).isNotNull();
        assertThat(context.getLogger("org.apache.hc.client5").getEffectiveLevel())
                .isEqualTo(Level.WARN);
    }
}
