package org.orrery.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.orrery.fetch.FeedLinks;
import org.orrery.fetch.FetchResult;
import org.orrery.fetch.FetchSettings;
import org.orrery.fetch.Fetcher;
import org.orrery.fetch.HttpFetcher;
import org.orrery.model.Validators;
import org.orrery.parse.FeedParseException;
import org.orrery.parse.FeedParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery discover URL}: the feed URL to put in config.ini for a site. */
@Command(
        name = "discover",
        mixinStandardHelpOptions = true,
        description = "Find the feeds of a web page (its <link rel=\"alternate\"> feeds), or confirm that"
                + " a URL is a feed. Prints one section line per feed, ready for config.ini; exits with 1"
                + " when there is none or the URL cannot be fetched.")
final class DiscoverCommand implements Callable<Integer> {
    @Parameters(paramLabel = "URL", description = "A site's page or a feed.")
    URI url;

    @Spec
    CommandSpec spec;

    /** A feed found for a URL, with the title the feed or the page gives it. */
    record Found(URI uri, Optional<String> title) {}

    /**
     * The URL itself when it is a feed, else the feeds its page announces, in page order.
     *
     * @throws NotFound saying why there is none
     */
    static List<Found> discover(Fetcher fetcher, URI url) throws NotFound {
        return switch (fetcher.fetch(url, Validators.NONE)) {
            case FetchResult.Fetched f -> {
                try {
                    var feed = new FeedParser().parse(f.body(), f.finalUri(), f.charset());
                    yield List.of(new Found(f.finalUri(), feed.title()));
                } catch (FeedParseException notAFeed) {
                    // Not a feed: a page that may announce some.
                }
                var links = FeedLinks.of(f.body(), f.charset(), f.finalUri());
                if (links.isEmpty()) {
                    throw new NotFound("no feed found at " + f.finalUri());
                }
                yield links.stream().map(l -> new Found(l.uri(), l.title())).toList();
            }
            case FetchResult.NotModified n -> throw new IllegalStateException("304 to an unconditional request");
            case FetchResult.Failed f -> throw new NotFound(url + ": " + f.reason());
        };
    }

    /** No feed could be found; the message says why. */
    static final class NotFound extends Exception {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (var fetcher = new HttpFetcher(FetchSettings.defaults())) {
            List<Found> found = discover(fetcher, url);
            if (found.size() == 1 && found.getFirst().uri().equals(url)) {
                out.println("[" + url + "]");
                found.getFirst().title().ifPresent(t -> out.println("name = " + t));
            } else {
                found.forEach(f -> out.println(
                        "[" + f.uri() + "]" + f.title().map(t -> "  # " + t).orElse("")));
            }
            return 0;
        } catch (NotFound e) {
            spec.commandLine().getErr().println("orrery: " + e.getMessage());
            return 1;
        }
    }
}
