package org.orrery.config;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A config section that lists subscriptions rather than being one (Venus's reading lists): an
 * OPML blogroll, a FOAF file, a CSV file or another config file, to be fetched and expanded by
 * {@link ReadingListParser}.
 *
 * @param uri where the list is: the section name, resolved like a subscription's
 * @param type the list's format, from {@code content_type}
 * @param options the section's options (with {@code [DEFAULT]}); they become defaults of every
 *     subscription the list yields
 */
public record ReadingList(URI uri, Type type, Map<String, String> options) {
    /** The formats Venus reads a reading list in. */
    public enum Type {
        OPML,
        FOAF,
        CSV,
        CONFIG;

        /** The type a {@code content_type} value names, as Venus tests it (by substring). */
        public static Optional<Type> of(String contentType) {
            String lower = contentType.toLowerCase(Locale.ROOT);
            for (Type type : values()) {
                if (lower.contains(type.name().toLowerCase(Locale.ROOT))) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    public ReadingList {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(type, "type");
        options = Map.copyOf(options);
    }
}
