package org.orrery.model;

import java.util.List;

/**
 * What a planet publishes: the newest posts, newest first, and every subscription.
 *
 * @param posts posts sorted newest first (by {@link Post#date()})
 * @param channels every subscription, sorted by name
 */
public record River(List<Post> posts, List<Channel> channels) {
    public River {
        posts = List.copyOf(posts);
        channels = List.copyOf(channels);
    }
}
