package org.orrery.store;

import java.util.Locale;
import java.util.Optional;

/** What the river is sorted and dated by: Orrery's planet option {@code river_order}. */
public enum RiverOrder {
    /** Published, else updated, else first seen (Venus's order); the default. */
    DATE("date", "e.sort_date", "e.sort_date DESC, e.first_seen DESC, e.id ASC"),
    /** When the planet first saw the entry, whatever dates the entry carries. */
    FIRST_SEEN("first_seen", "e.first_seen", "e.first_seen DESC, e.id ASC");

    private final String optionValue;
    private final String column;
    private final String newestFirst;

    RiverOrder(String optionValue, String column, String newestFirst) {
        this.optionValue = optionValue;
        this.column = column;
        this.newestFirst = newestFirst;
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

    /** The column of entry {@code e} the river is dated by. */
    String column() {
        return column;
    }

    /** The ORDER BY terms, newest first; ties of the same moment keep feed document order. */
    String newestFirst() {
        return newestFirst;
    }
}
