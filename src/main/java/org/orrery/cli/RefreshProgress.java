package org.orrery.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.orrery.refresh.RefreshListener;

/**
 * The line {@code orrery run} and {@code fetch} keep updating on a terminal while they refresh
 * ({@code refreshing 120/567 feeds, 3 failed, 4.2 MiB received}), and the line it leaves at the
 * end. A carriage return and ANSI "erase line" redraw it; redraws are at most ten a second.
 */
final class RefreshProgress implements RefreshListener {
    private static final String CLEAR_LINE = "\r\u001b[2K";
    private static final Duration REDRAW = Duration.ofMillis(100);

    private final PrintWriter terminal;
    private final LongSupplier bytes;
    private final InstantSource clock;
    private int total;
    private int done;
    private int failed;
    private Instant started;
    private Instant drawn;

    /**
     * @param terminal where the line is drawn
     * @param bytes how many bytes have been received so far
     */
    RefreshProgress(PrintWriter terminal, LongSupplier bytes, InstantSource clock) {
        this.terminal = terminal;
        this.bytes = bytes;
        this.clock = clock;
        this.started = clock.instant();
    }

    /**
     * The terminal the command runs on, if a progress line belongs there: standard input and
     * output are a terminal, not a dumb one, and no CI service runs the command.
     */
    static Optional<PrintWriter> terminal() {
        Console console = System.console();
        if (console == null || !shown(isTerminal(console), System.getenv())) {
            return Optional.empty();
        }
        return Optional.of(console.writer());
    }

    /** Whether to draw progress, given whether the console is a terminal and the environment. */
    static boolean shown(boolean terminal, Map<String, String> env) {
        String ci = env.getOrDefault("CI", "");
        return terminal && (ci.isBlank() || ci.equalsIgnoreCase("false")) && !"dumb".equals(env.get("TERM"));
    }

    /** The progress line on the terminal now, which log lines go above; null when there is none. */
    private static volatile RefreshProgress shown;

    @Override
    public synchronized void starting(int subscriptions) {
        total = subscriptions;
        started = clock.instant();
        draw(true);
        shown = this;
    }

    /**
     * Writes a log line ({@code write}, to standard error, which shares the terminal) above the
     * progress line, which is drawn again below it, instead of into the middle of it.
     */
    static void aboveProgress(Runnable write) {
        RefreshProgress progress = shown;
        if (progress == null) {
            write.run();
            return;
        }
        progress.above(write);
    }

    synchronized void above(Runnable write) {
        terminal.print(CLEAR_LINE);
        terminal.flush();
        write.run();
        if (shown == this) {
            drawn = clock.instant();
            terminal.print(line(done, total, failed, bytes.getAsLong()));
            terminal.flush();
        }
    }

    @Override
    public synchronized void finished(URI feed, Outcome outcome) {
        done++;
        if (outcome == Outcome.FAILED) {
            failed++;
        }
        draw(done == total);
    }

    /** Replaces the progress line by the refresh's totals and the time it took. */
    synchronized void finish() {
        shown = null;
        Duration took = Duration.between(started, clock.instant());
        terminal.print(CLEAR_LINE + "refreshed " + done + " " + feeds(done) + ", " + failed + " failed, "
                + size(bytes.getAsLong()) + " received in " + seconds(took) + "\n");
        terminal.flush();
    }

    /** The progress line: feeds done of all, how many failed, bytes received so far. */
    static String line(int done, int total, int failed, long bytes) {
        return "refreshing " + done + "/" + total + " " + feeds(total) + ", " + failed + " failed, " + size(bytes)
                + " received";
    }

    /** A byte count as people read it: {@code 512 B}, {@code 3.4 KiB}, {@code 12.0 MiB}, {@code 1.2 GiB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private void draw(boolean always) {
        Instant now = clock.instant();
        if (!always && drawn != null && Duration.between(drawn, now).compareTo(REDRAW) < 0) {
            return;
        }
        drawn = now;
        terminal.print(CLEAR_LINE + line(done, total, failed, bytes.getAsLong()));
        terminal.flush();
    }

    private static String feeds(int n) {
        return n == 1 ? "feed" : "feeds";
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /**
     * Java 22 and later give a console even when output is redirected, and say whether it is a
     * terminal; Java 21, which Orrery runs on too, gives one only for a terminal.
     */
    private static boolean isTerminal(Console console) {
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            // Present but unusable: no progress line is the safe choice.
            return false;
        }
    }
}
