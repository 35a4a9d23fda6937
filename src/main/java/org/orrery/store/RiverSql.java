package org.orrery.store;

import org.orrery.model.RiverOrder;

/** How a {@link RiverOrder} reads in SQL over entry {@code e}. */
final class RiverSql {
    private RiverSql() {}

    /** The column of entry {@code e} the river is dated by. */
    static String column(RiverOrder order) {
        return switch (order) {
            case DATE -> "e.sort_date";
            case FIRST_SEEN -> "e.first_seen";
        };
    }

    /** The ORDER BY terms, newest first; ties of the same moment keep feed document order. */
    static String newestFirst(RiverOrder order) {
        return switch (order) {
            case DATE -> "e.sort_date DESC, e.first_seen DESC, e.id ASC";
            case FIRST_SEEN -> "e.first_seen DESC, e.id ASC";
        };
    }
}
