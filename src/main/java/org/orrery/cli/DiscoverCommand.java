package org.orrery.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.orrery.discover.Discovery;
import org.orrery.discover.FeedFinder;
import org.orrery.discover.FoundFeed;
import org.orrery.fetch.FetchSettings;
import org.orrery.fetch.HttpFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery discover URL}: the feed URL to put in config.ini for a site. */
@Command(
        name = "discover",
        mixinStandardHelpOptions = true,
        description = "Find the feeds of a site, or confirm that a URL is a feed: the feeds its page announces"
                + " (<link rel=\"alternate\">), else its links that look like feeds, else the usual feed paths"
                + " (feed/, atom.xml, rss.xml, index.xml, feed.xml); each is fetched and read before it is"
                + " listed. Prints one numbered section line per feed, ready for config.ini (`orrery add"
                + " --pick N` adds the Nth); exits with 1 when there is none or the URL cannot be fetched.")
final class DiscoverCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "URL",
            description = "A site's page or a feed; without a scheme, https:// is tried, then http://.")
    String url;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (FeedFinder.addresses(url).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "not a URL: " + url);
        }
        try (var fetcher = new HttpFetcher(FetchSettings.defaults())) {
            switch (new FeedFinder(fetcher, false).find(url)) {
                case Discovery.NotFound nothing -> {
                    err.println("orrery: " + nothing.reason());
                    return 1;
                }
                case Discovery.Found found -> {
                    printNotes(found, err);
                    if (found.route() == Discovery.Route.THE_URL) {
                        FoundFeed feed = found.feeds().getFirst();
                        out.println("[" + feed.uri() + "]");
                        feed.title().ifPresent(t -> out.println("name = " + t));
                    } else {
                        List<FoundFeed> feeds = found.feeds();
                        for (int i = 0; i < feeds.size(); i++) {
                            out.println("[" + feeds.get(i).uri() + "]  # " + (i + 1) + ". " + describe(feeds.get(i)));
                        }
                    }
                    return 0;
                }
            }
        }
    }

    /** A feed in words: its title and format ({@code Moshe's blog (Atom)}). */
    static String describe(FoundFeed feed) {
        return feed.title().map(t -> t + " (" + feed.format() + ")").orElse("(" + feed.format() + ", untitled)");
    }

    /** {@code note:} lines on what went wrong on the way and how the feeds were found, when not announced. */
    static void printNotes(Discovery.Found found, PrintWriter err) {
        found.notes().forEach(note -> err.println("note: " + note));
        switch (found.route()) {
            case LINKED -> err.println("note: " + found.page() + " announces no feed in its head; found by its links");
            case USUAL_PATH ->
                err.println("note: " + found.page() + " announces no feed and links to none; found at a usual path");
            case THE_URL, ANNOUNCED -> {}
        }
    }
}
