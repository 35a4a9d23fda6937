package org.orrery.render;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The two machine-readable date forms every item carries ({@code date_iso}, {@code date_822}),
 * written by hand: a page of entries writes up to six per entry, and {@link DateTimeFormatter}
 * was a twentieth of a first run's publishing. Years outside 0 to 9999 and offsets with seconds
 * go through the formatter, whose output for them this does not imitate.
 */
final class WireDates {
    /** As Venus writes dates: seconds, and the offset as {@code +00:00}, never {@code Z}. */
    static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private WireDates() {}

    /** {@code 2017-09-19T22:00:00+00:00}. */
    static String rfc3339(ZonedDateTime t) {
        int year = t.getYear();
        int offset = t.getOffset().getTotalSeconds();
        if (year < 0 || year > 9999 || offset % 60 != 0) {
            return RFC_3339.format(t);
        }
        var out = new StringBuilder(25);
        digits(out, year, 4).append('-');
        digits(out, t.getMonthValue(), 2).append('-');
        digits(out, t.getDayOfMonth(), 2).append('T');
        time(out, t);
        out.append(offset < 0 ? '-' : '+');
        int minutes = Math.abs(offset) / 60;
        digits(out, minutes / 60, 2).append(':');
        digits(out, minutes % 60, 2);
        return out.toString();
    }

    /** {@code Tue, 19 Sep 2017 22:00:00 +0000}. */
    static String rfc822(ZonedDateTime t) {
        int year = t.getYear();
        int offset = t.getOffset().getTotalSeconds();
        if (year < 0 || year > 9999 || offset % 60 != 0) {
            return RFC_822.format(t);
        }
        var out = new StringBuilder(31);
        out.append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        digits(out, t.getDayOfMonth(), 2).append(' ');
        out.append(MONTHS[t.getMonthValue() - 1]).append(' ');
        digits(out, year, 4).append(' ');
        time(out, t);
        out.append(' ').append(offset < 0 ? '-' : '+');
        int minutes = Math.abs(offset) / 60;
        digits(out, minutes / 60, 2);
        digits(out, minutes % 60, 2);
        return out.toString();
    }

    private static void time(StringBuilder out, ZonedDateTime t) {
        digits(out, t.getHour(), 2).append(':');
        digits(out, t.getMinute(), 2).append(':');
        digits(out, t.getSecond(), 2);
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(text);
    }
}
