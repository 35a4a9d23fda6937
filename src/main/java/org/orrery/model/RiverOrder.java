package org.orrery.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which stored entries make the river, and in what order: Orrery's planet option {@code
 * river_order}, and Venus's {@code new_feed_items} (at most this many entries of one feed).
 *
 * @param by what the river is sorted and dated by
 * @param perFeed at most this many of each feed's newest shown entries are in the river (Venus's
 *     {@code new_feed_items}); 0 for all
 */
public record RiverOrder(By by, int perFeed) {
    /** The dates the river is sorted and dated by. */
    public enum By {
        /**
         * The entry's date as Venus and Planet 2.0 take it: updated, else published, else first
         * seen. An edited post moves up to the day it was updated. The default.
         */
        DATE("date"),
        /** Published, else updated, else first seen: a post stays on the day it first appeared. */
        PUBLISHED("published"),
        /** When the planet first saw the entry, whatever dates the entry carries. */
        FIRST_SEEN("first_seen");

        private final String optionValue;

        By(String optionValue) {
            this.optionValue = optionValue;
        }

        /** How the option is written in the config. */
        public String optionValue() {
            return optionValue;
        }
    }

    /** By the entry's date, every entry: the default. */
    public static final RiverOrder DATE = new RiverOrder(By.DATE, 0);
    /** By published date, every entry. */
    public static final RiverOrder PUBLISHED = new RiverOrder(By.PUBLISHED, 0);
    /** By when first seen, every entry. */
    public static final RiverOrder FIRST_SEEN = new RiverOrder(By.FIRST_SEEN, 0);

    public RiverOrder {
        Objects.requireNonNull(by, "by");
        if (perFeed < 0) {
            throw new IllegalArgumentException("perFeed < 0: " + perFeed);
        }
    }

    /** This order, with at most {@code perFeed} entries of each feed (0 for all). */
    public RiverOrder withPerFeed(int perFeed) {
        return new RiverOrder(by, perFeed);
    }

    /** How the option is written in the config. */
    public String optionValue() {
        return by.optionValue;
    }

    /** The order an option value names (case-insensitive, surrounding blanks ignored), if any; every entry. */
    public static Optional<RiverOrder> of(String optionValue) {
        String v = optionValue.strip().toLowerCase(Locale.ROOT);
        for (By by : By.values()) {
            if (by.optionValue.equals(v)) {
                return Optional.of(new RiverOrder(by, 0));
            }
        }
        return Optional.empty();
    }
}
