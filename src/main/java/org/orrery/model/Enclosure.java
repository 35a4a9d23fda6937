package org.orrery.model;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** A file attached to an entry (RSS {@code enclosure}, Atom {@code rel="enclosure"}, media). */
public record Enclosure(URI url, Optional<String> type, OptionalLong length) {
    public Enclosure {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(length, "length");
    }

    /** A length as written ("12345", " 12345 "); absent when it is not a whole number. */
    public static OptionalLong length(Optional<String> text) {
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.get().strip()));
        } catch (NumberFormatException e) {
            // Feeds write "", "unknown" or "12 MB": no length is better than a wrong one.
            return OptionalLong.empty();
        }
    }
}
