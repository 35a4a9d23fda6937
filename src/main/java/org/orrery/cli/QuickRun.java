package org.orrery.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code orrery run [--all] [--no-ping] [--quiet] [--allow-default-theme] CONFIG...}, the line cron repeats, run without picocli.
 * Picocli's classes are compiled for Java 5, so Java cannot keep them in the launcher's class
 * cache: reading them and the commands' annotations took 0.12 s of every run, a tenth of a run
 * whose feeds all answer 304. Any other line, or anything unusual in this one (another option,
 * {@code --}, an {@code @file}, an option given twice, no config), goes to picocli, which
 * parses, helps and reports usage errors as it always does.
 */
final class QuickRun {
    private QuickRun() {}

    /** The exit status of {@code args} run as {@code orrery run}; empty when picocli must read them. */
    static OptionalInt execute(PrintWriter out, PrintWriter err, String... args) {
        if (args.length < 2 || !args[0].equals("run")) {
            return OptionalInt.empty();
        }
        var command = new RunCommand();
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--all" -> {
                    if (command.all) {
                        return OptionalInt.empty();
                    }
                    command.all = true;
                }
                case "--quiet", "-q" -> {
                    if (command.quiet) {
                        return OptionalInt.empty();
                    }
                    command.quiet = true;
                }
                case "--no-ping" -> {
                    if (command.noPing) {
                        return OptionalInt.empty();
                    }
                    command.noPing = true;
                }
                case Preflight.ALLOW_DEFAULT_THEME -> {
                    if (command.preflight.allowDefaultTheme) {
                        return OptionalInt.empty();
                    }
                    command.preflight.allowDefaultTheme = true;
                }
                default -> {
                    if (arg.isEmpty() || arg.startsWith("-") || arg.startsWith("@")) {
                        return OptionalInt.empty();
                    }
                    try {
                        files.add(Path.of(arg));
                    } catch (InvalidPathException e) {
                        return OptionalInt.empty();
                    }
                }
            }
        }
        if (files.isEmpty()) {
            return OptionalInt.empty();
        }
        command.config = new ConfigFiles(files);
        command.streams(out, err);
        try {
            return OptionalInt.of(command.call());
        } catch (RuntimeException e) {
            return OptionalInt.of(Main.unexpected(e, err));
        }
    }
}
