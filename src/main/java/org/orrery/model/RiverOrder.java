package org.orrery.model;

import java.util.Locale;
import java.util.Optional;

/** What the river is sorted and dated by: Orrery's planet option {@code river_order}. */
public enum RiverOrder {
    /** Published, else updated, else first seen (Venus's order); the default. */
    DATE("date"),
    /** When the planet first saw the entry, whatever dates the entry carries. */
    FIRST_SEEN("first_seen");

    private final String optionValue;

    RiverOrder(String optionValue) {
        this.optionValue = optionValue;
    }

    /** How the option is written in the config. */
    public String optionValue() {
        return optionValue;
    }

    /** The order an option value names (case-insensitive, surrounding blanks ignored), if any. */
    public static Optional<RiverOrder> of(String optionValue) {
        String v = optionValue.strip().toLowerCase(Locale.ROOT);
        for (RiverOrder order : values()) {
            if (order.optionValue.equals(v)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }
}
