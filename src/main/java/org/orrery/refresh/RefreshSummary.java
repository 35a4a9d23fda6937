package org.orrery.refresh;

import java.util.List;

/**
 * What one refresh of the due subscriptions did, for the report of {@code orrery run}.
 *
 * @param failures one line per failed subscription: its URL and the reason
 * @param waiting subscriptions not fetched because they are not due yet (backoff, Retry-After,
 *     or a freshness lifetime the server gave)
 * @param gone subscriptions not fetched because their server said 410 Gone
 * @param moved one line per subscription fetched from where it moved permanently
 * @param readingLists one line per reading list that could not be fetched or read (its last
 *     readable copy was used)
 */
public record RefreshSummary(
        int ok,
        int notModified,
        int failed,
        int added,
        int updated,
        List<String> failures,
        int waiting,
        int gone,
        List<String> moved,
        List<String> readingLists) {
    public RefreshSummary {
        failures = List.copyOf(failures);
        moved = List.copyOf(moved);
        readingLists = List.copyOf(readingLists);
    }

    public String line() {
        int feeds = ok + notModified + failed;
        String line = "%d %s: %d ok, %d not modified, %d failed; entries: %d new, %d updated"
                .formatted(feeds, feeds == 1 ? "feed" : "feeds", ok, notModified, failed, added, updated);
        if (waiting > 0) {
            line += "; %d not due yet".formatted(waiting);
        }
        if (gone > 0) {
            line += "; %d gone".formatted(gone);
        }
        return line;
    }
}
