package org.orrery.discover;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/** What looking for the feeds of a URL gave. */
public sealed interface Discovery {
    /** Where a feed was found; each way is tried only when the ones before found nothing. */
    enum Route {
        /** The URL is a feed. */
        THE_URL,
        /** Its page's head announces it. */
        ANNOUNCED,
        /** Its page links to it. */
        LINKED,
        /** At one of the usual feed paths of the page's site. */
        USUAL_PATH
    }

    /**
     * One feed or more.
     *
     * @param page the URL that was read (after redirects), as https or http when none was given
     * @param feeds the feeds, in the page's order, each once; never empty
     * @param notes what went wrong on the way, in words (an announced feed that is not one)
     */
    record Found(URI page, Route route, List<FoundFeed> feeds, List<String> notes) implements Discovery {
        public Found {
            Objects.requireNonNull(page, "page");
            Objects.requireNonNull(route, "route");
            feeds = List.copyOf(feeds);
            notes = List.copyOf(notes);
            if (feeds.isEmpty()) {
                throw new IllegalArgumentException("found no feed");
            }
        }
    }

    /** No feed: the URL could not be fetched, or nothing it leads to is a feed; the reason says which, naming the URL. */
    record NotFound(String reason) implements Discovery {
        public NotFound {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
