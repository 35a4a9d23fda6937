package org.orrery.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.orrery.config.ConfigException;
import org.orrery.config.OpmlOutlines;
import org.orrery.config.PlanetConfig;
import org.orrery.config.SubscriptionSections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code orrery opml import FILE [--config CONFIG]}: the feeds of an OPML subscription list as
 * config.ini sections, printed or appended to a config.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Read the feeds of an OPML subscription list (as feed readers export them) and print them"
                + " as config.ini sections, or with --config append those CONFIG does not have yet.")
final class OpmlImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The OPML file.")
    Path file;

    @Option(
            names = "--config",
            paramLabel = "CONFIG",
            description = "Append the new subscriptions to this config.ini, leaving the rest of it as it is.")
    Optional<Path> config;

    @Spec
    CommandSpec spec;

    /** What importing makes of the list's feeds. */
    private record Plan(List<String> sections, List<String> added, List<String> skipped) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<OpmlOutlines.Feed> feeds;
        try {
            feeds = OpmlOutlines.read(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            err.println("orrery: " + file + ": no such file");
            return 1;
        } catch (IOException e) {
            err.println("orrery: cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (ConfigException e) {
            err.println("orrery: " + e.getMessage());
            return 1;
        }
        Set<String> present = new HashSet<>();
        if (config.isPresent()) {
            Optional<PlanetConfig> loaded = ConfigFiles.load(List.of(config.get()), err);
            if (loaded.isEmpty()) {
                return Main.EXIT_CONFIG;
            }
            loaded.get().subscriptions().forEach(s -> present.add(SubscriptionSections.sameFeedKey(s.feedUri())));
        }
        Plan plan = plan(feeds, present);
        if (config.isEmpty()) {
            out.print(String.join("\n", plan.sections()));
            out.flush();
            plan.skipped().forEach(s -> err.println("skipped " + s));
            return 0;
        }
        try {
            SubscriptionSections.append(config.get(), plan.sections());
        } catch (IOException e) {
            err.println("orrery: cannot add to " + config.get() + ": " + e.getMessage());
            return Main.EXIT_CANT_CREATE;
        }
        plan.added().forEach(a -> out.println("added [" + a + "]"));
        plan.skipped().forEach(s -> out.println("skipped " + s));
        out.println("added " + count(plan.added().size()) + " to " + config.get() + ", skipped "
                + plan.skipped().size());
        return 0;
    }

    private Plan plan(List<OpmlOutlines.Feed> feeds, Set<String> present) {
        List<String> sections = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (OpmlOutlines.Feed feed : feeds) {
            Optional<URI> uri = feed.uri().filter(SubscriptionSections::canName);
            if (uri.isEmpty()) {
                skipped.add(feed.xmlUrl() + ": not an absolute http or https URL");
                continue;
            }
            String key = SubscriptionSections.sameFeedKey(uri.get());
            if (present.contains(key)) {
                skipped.add(uri.get() + ": already in " + config.orElseThrow());
            } else if (!seen.add(key)) {
                skipped.add(uri.get() + ": listed twice");
            } else {
                sections.add(SubscriptionSections.section(uri.get(), feed.name()));
                added.add(uri.get().toString());
            }
        }
        return new Plan(sections, added, skipped);
    }

    private static String count(int n) {
        return n + (n == 1 ? " subscription" : " subscriptions");
    }
}
