package org.orrery.render;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Django's {@code date} filter format ({@code "N j, Y"}, {@code "D d M Y H:i"}): each letter a
 * part of the date, a backslash keeping the next character as it is, anything else written as
 * it is. In English, as Venus's Django ran.
 */
final class DjangoDates {
    /** Django's {@code DATE_FORMAT} default, for {@code |date} without an argument. */
    static final String DEFAULT = "N j, Y";

    private static final String[] AP_MONTHS = {
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."
    };

    private DjangoDates() {}

    static String format(ZonedDateTime t, String format) {
        var out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\\' && i + 1 < format.length()) {
                out.append(format.charAt(++i));
            } else {
                out.append(part(t, c));
            }
        }
        return out.toString();
    }

    private static String part(ZonedDateTime t, char c) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return switch (c) {
            case 'a' -> t.getHour() < 12 ? "a.m." : "p.m.";
            case 'A' -> t.getHour() < 12 ? "AM" : "PM";
            case 'b' -> month(t, TextStyle.SHORT).toLowerCase(Locale.ROOT);
            case 'c' -> t.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case 'd' -> two(t.getDayOfMonth());
            case 'D' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'e', 'T' -> t.getZone().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'E', 'F' -> month(t, TextStyle.FULL);
            case 'f' -> t.getMinute() == 0 ? String.valueOf(hour12) : hour12 + ":" + two(t.getMinute());
            case 'g' -> String.valueOf(hour12);
            case 'G' -> String.valueOf(t.getHour());
            case 'h' -> two(hour12);
            case 'H' -> two(t.getHour());
            case 'i' -> two(t.getMinute());
            case 'I' -> t.getZone().getRules().isDaylightSavings(t.toInstant()) ? "1" : "0";
            case 'j' -> String.valueOf(t.getDayOfMonth());
            case 'l' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'L' -> t.toLocalDate().isLeapYear() ? "True" : "False";
            case 'm' -> two(t.getMonthValue());
            case 'M' -> month(t, TextStyle.SHORT);
            case 'n' -> String.valueOf(t.getMonthValue());
            case 'N' -> AP_MONTHS[t.getMonthValue() - 1];
            case 'o' -> String.valueOf(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'O' ->
                t.getOffset().getId().equals("Z")
                        ? "+0000"
                        : t.getOffset().getId().replace(":", "");
            case 'P' -> {
                if (t.getMinute() == 0 && t.getHour() == 0) {
                    yield "midnight";
                }
                if (t.getMinute() == 0 && t.getHour() == 12) {
                    yield "noon";
                }
                yield part(t, 'f') + " " + part(t, 'a');
            }
            case 'r' -> DateTimeFormatter.RFC_1123_DATE_TIME.format(t);
            case 's' -> two(t.getSecond());
            case 'S' -> suffix(t.getDayOfMonth());
            case 't' -> String.valueOf(t.toLocalDate().lengthOfMonth());
            case 'u' -> "%06d".formatted(t.getNano() / 1000);
            case 'U' -> String.valueOf(t.toEpochSecond());
            case 'w' -> String.valueOf(t.getDayOfWeek().getValue() % 7);
            case 'W' -> String.valueOf(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'y' -> two(t.getYear() % 100);
            case 'Y' -> String.valueOf(t.getYear());
            case 'z' -> String.valueOf(t.get(ChronoField.DAY_OF_YEAR));
            case 'Z' -> String.valueOf(t.getOffset().getTotalSeconds());
            default -> String.valueOf(c);
        };
    }

    private static String month(ZonedDateTime t, TextStyle style) {
        return t.getMonth().getDisplayName(style, Locale.ENGLISH);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    private static String suffix(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
