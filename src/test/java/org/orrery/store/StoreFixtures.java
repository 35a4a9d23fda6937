package org.orrery.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Subscription;
import org.orrery.model.Validators;

/** Feeds, entries and refreshes that store tests save and read back. */
final class StoreFixtures {
    static final URI FEED = URI.create("https://example.org/feed");
    static final URI OTHER = URI.create("https://other.example/atom.xml");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private StoreFixtures() {}

    static Subscription sub(URI feed) {
        return new Subscription(feed, Optional.empty(), Map.of());
    }

    static Refresh.Fetched fetched(URI feed, Instant at, Entry... entries) {
        return new Refresh.Fetched(feed, at, Validators.NONE, OptionalInt.of(200), FeedInfo.UNKNOWN, List.of(entries));
    }

    static Entry entry(String key, String title) {
        return new Entry(
                key,
                title,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "<p>" + title + "</p>",
                Optional.empty(),
                List.of(),
                List.of());
    }

    static Entry dated(String key, Optional<Instant> published, Optional<Instant> updated) {
        return new Entry(
                key,
                key,
                Optional.empty(),
                Optional.empty(),
                published,
                updated,
                "",
                Optional.empty(),
                List.of(),
                List.of());
    }

    static Instant hours(int n) {
        return T0.plusSeconds(3600L * n);
    }
}
