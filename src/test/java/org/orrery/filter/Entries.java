package org.orrery.filter;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.orrery.model.Entry;

/** Fixture entries. */
final class Entries {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private Entries() {}

    static Entry entry(String title, String contentHtml) {
        return new Entry(
                "tag:example.org,2024:1",
                title,
                Optional.of(URI.create("http://example.org/post/1")),
                Optional.of("Alice"),
                Optional.of(Instant.parse("2024-04-30T10:00:00Z")),
                Optional.empty(),
                contentHtml,
                Optional.empty(),
                List.of("news"),
                List.of());
    }

    static Entry withSummary(Entry e, String summary) {
        return e.withBodies(e.contentHtml(), Optional.of(summary));
    }

    static Entry kept(Verdict v) {
        return switch (v) {
            case Verdict.Kept k -> k.entry();
            case Verdict.Hidden h -> throw new AssertionError("hidden: " + h.reason());
            case Verdict.Dropped d -> throw new AssertionError("dropped: " + d.reason());
        };
    }
}
