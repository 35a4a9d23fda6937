package org.orrery.cli;

import java.io.PrintWriter;
import org.orrery.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code orrery.jar}: the {@code orrery} command and its subcommands. */
@Command(
        name = "orrery",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "A Planet: follows feeds and publishes them as one river of news.",
        subcommands = {
            RunCommand.class,
            FetchCommand.class,
            BuildCommand.class,
            ExpungeCommand.class,
            StatusCommand.class,
            DiscoverCommand.class,
            AddCommand.class,
            OpmlCommand.class,
            CheckCommand.class,
            ParseCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExit status:%n",
        footer = {
            "  0   done (the site was published even if some feeds failed)",
            "  1   an unexpected error",
            "  2   wrong usage",
            " 73   the output or cache directory cannot be written",
            " 75   another run of the same planet is in progress",
            " 78   the config cannot be used"
        })
public final class Main {
    static final int EXIT_CANT_CREATE = 73;
    static final int EXIT_LOCKED = 75;
    static final int EXIT_CONFIG = 78;

    private Main() {}

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status; for tests and the launcher alike. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given standard output and error. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(Main.class)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(Main::unexpected)
                .execute(args);
    }

    private static int unexpected(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        cmd.getErr().println("orrery: unexpected error: " + e);
        e.printStackTrace(cmd.getErr());
        return 1;
    }

    /** Reports the version stamped at build time. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Orrery " + Version.get(), "Java " + Runtime.version()};
        }
    }
}
