package org.orrery.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;
import org.orrery.model.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code orrery.jar}: the {@code orrery} command and its subcommands. */
@Command(
        name = "orrery",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "A Planet: follows feeds and publishes them as one river of news.",
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

    /** The subcommands, in the order {@code orrery --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            RunCommand.class,
            FetchCommand.class,
            BuildCommand.class,
            ServeCommand.class,
            ExpungeCommand.class,
            ImportCommand.class,
            MigrateStoreCommand.class,
            StatusCommand.class,
            DiscoverCommand.class,
            AddCommand.class,
            InitCommand.class,
            OpmlCommand.class,
            CheckCommand.class,
            ParseCommand.class,
            CommandLine.HelpCommand.class);

    /** Runs the command line with the given standard output and error. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        OptionalInt quick = QuickRun.execute(out, err, args);
        if (quick.isPresent()) {
            return quick.getAsInt();
        }
        return commandLine(args)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(Main::unexpected)
                .execute(args);
    }

    /**
     * The command line for {@code args}: when they name a subcommand, only that one is built, since
     * picocli reads every option of every command it is given, which was a tenth of a second of
     * each run; otherwise (no subcommand, {@code --help}, {@code help}) all of them.
     */
    static CommandLine commandLine(String... args) {
        var root = new CommandLine(Main.class);
        String first = args.length == 0 ? "" : args[0];
        var named = SUBCOMMANDS.stream()
                .filter(type -> type != CommandLine.HelpCommand.class)
                .filter(type -> type.getAnnotation(Command.class).name().equals(first))
                .findFirst();
        if (named.isPresent()) {
            root.addSubcommand(new CommandLine(named.get()));
        } else {
            SUBCOMMANDS.forEach(type -> root.addSubcommand(new CommandLine(type)));
        }
        return root;
    }

    private static int unexpected(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        return unexpected(e, cmd.getErr());
    }

    static int unexpected(Exception e, PrintWriter err) {
        err.println("orrery: unexpected error: " + e);
        e.printStackTrace(err);
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
