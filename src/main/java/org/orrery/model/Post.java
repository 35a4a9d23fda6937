package org.orrery.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored entry as the river shows it: the entry, who published it, and the time it is
 * sorted and shown under.
 *
 * @param entry the stored entry
 * @param channel the subscription that carried it
 * @param date the entry's date for the river: published, else updated, else first seen (with
 *     {@code river_order = first_seen}, when it was first seen)
 */
public record Post(Entry entry, Channel channel, Instant date) {
    public Post {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(date, "date");
    }
}
