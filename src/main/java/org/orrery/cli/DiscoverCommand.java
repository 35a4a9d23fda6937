package org.orrery.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import org.orrery.fetch.FeedLinks;
import org.orrery.fetch.FetchResult;
import org.orrery.fetch.FetchSettings;
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (var fetcher = new HttpFetcher(FetchSettings.defaults())) {
            switch (fetcher.fetch(url, Validators.NONE)) {
                case FetchResult.Fetched f -> {
                    try {
                        var feed = new FeedParser().parse(f.body(), f.finalUri(), f.charset());
                        out.println("[" + f.finalUri() + "]");
                        feed.title().ifPresent(t -> out.println("name = " + t));
                        return 0;
                    } catch (FeedParseException notAFeed) {
                        // Not a feed: a page that may announce some.
                    }
                    var links = FeedLinks.of(f.body(), f.charset(), f.finalUri());
                    if (links.isEmpty()) {
                        err.println("orrery: no feed found at " + f.finalUri());
                        return 1;
                    }
                    for (var link : links) {
                        out.println("[" + link.uri() + "]"
                                + link.title().map(t -> "  # " + t).orElse(""));
                    }
                    return 0;
                }
                case FetchResult.NotModified n -> throw new IllegalStateException("304 to an unconditional request");
                case FetchResult.Failed f -> {
                    err.println("orrery: " + url + ": " + f.reason());
                    return 1;
                }
            }
        }
    }
}
