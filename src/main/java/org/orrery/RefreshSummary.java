package org.orrery;

import java.util.List;

/**
 * What one refresh of every subscription did, for the one-line report of {@code orrery run}.
 *
 * @param failures one line per failed subscription: its URL and the reason
 */
public record RefreshSummary(int ok, int notModified, int failed, int added, int updated, List<String> failures) {
    public RefreshSummary {
        failures = List.copyOf(failures);
    }

    public String line() {
        int feeds = ok + notModified + failed;
        return "%d %s: %d ok, %d not modified, %d failed; entries: %d new, %d updated"
                .formatted(feeds, feeds == 1 ? "feed" : "feeds", ok, notModified, failed, added, updated);
    }
}
