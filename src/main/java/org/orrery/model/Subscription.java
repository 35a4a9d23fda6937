package org.orrery.model;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One feed the planet follows, as its config section declares it.
 *
 * @param feedUri the section name: the URL the feed is fetched from
 * @param name the display name ({@code name} option), or empty when the config gives none
 * @param options every option of the section after lookup (section, then {@code [DEFAULT]}),
 *     keys lower-case; templates receive them as {@code channel_<key>}
 */
public record Subscription(URI feedUri, Optional<String> name, Map<String, String> options) {
    public Subscription {
        Objects.requireNonNull(feedUri, "feedUri");
        Objects.requireNonNull(name, "name");
        options = Map.copyOf(options);
    }

    /** The value of a per-subscription option, if the section (or {@code [DEFAULT]}) sets it. */
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }
}
