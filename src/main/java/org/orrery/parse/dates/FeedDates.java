package org.orrery.parse.dates;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date formats found in feeds. Each format is one row of {@link #FORMATS}: a pattern
 * and a function from its match to an instant; the first matching row decides.
 */
public final class FeedDates {
    private record Format(String name, Pattern pattern, Function<Matcher, Instant> read) {}

    // RFC 3339 §5.6, W3CDTF (year, year-month, date, date + hh:mm, seconds, fractions). A space
    // for "T" and a colon-less offset are common enough to accept.
    private static final Pattern ISO_8601 = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?"
                    + "\\s*(z|[+-]\\d{2}(?::?\\d{2})?)?)?)?)?",
            Pattern.CASE_INSENSITIVE);

    // RFC 822 §5.1 / RFC 1123 §5.2.14: [weekday,] day month year [hh:mm[:ss]] [zone]; weekdays
    // are not checked, month names are matched on their first three letters.
    private static final Pattern RFC_822 = Pattern.compile(
            "(?:[a-z]{2,9}\\.?\\s*,?\\s*)?(\\d{1,2})[\\s-]+([a-z]{3,9})\\.?[\\s-]+(\\d{2,4})"
                    + "(?:[\\s,]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*([+-]\\d{2}:?\\d{2}|[a-z]{1,5})?",
            Pattern.CASE_INSENSITIVE);

    private static final List<Format> FORMATS = List.of(
            new Format("RFC 3339 / W3CDTF", ISO_8601, FeedDates::iso8601),
            new Format("RFC 822", RFC_822, FeedDates::rfc822));

    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private static final Map<String, ZoneOffset> ZONE_NAMES = zoneNames();

    private FeedDates() {}

    /**
     * The instant {@code text} denotes; empty when no format reads it or its fields are out of
     * range (e.g. 30 February). A date without a time is midnight, without a zone UTC.
     */
    public static Optional<Instant> parse(String text) {
        String s = text.strip();
        for (Format format : FORMATS) {
            Matcher m = format.pattern().matcher(s);
            if (m.matches()) {
                try {
                    return Optional.of(format.read().apply(m));
                } catch (DateTimeException outOfRange) {
                    // The shape was right but a field is impossible: unreadable, as documented.
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Like {@link #parse(String)} for an optional value, adding a warning to {@code warnings}
     * when {@code text} is present but unreadable; {@code where} names its place ("entry 3").
     */
    public static Optional<Instant> parse(Optional<String> text, String where, List<String> warnings) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> instant = parse(text.get());
        if (instant.isEmpty()) {
            warnings.add(where + ": unreadable date '" + text.get() + "'");
        }
        return instant;
    }

    private static Instant iso8601(Matcher m) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), number(m.group(2), 1), number(m.group(3), 1));
        LocalTime time =
                LocalTime.of(number(m.group(4), 0), number(m.group(5), 0), number(m.group(6), 0), nanos(m.group(7)));
        return date.atTime(time).toInstant(m.group(8) == null ? ZoneOffset.UTC : offset(m.group(8)));
    }

    private static Instant rfc822(Matcher m) {
        int month = MONTHS.indexOf(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
        if (month == 0) {
            throw new DateTimeException("unknown month " + m.group(2));
        }
        LocalDate date = LocalDate.of(year(m.group(3)), month, Integer.parseInt(m.group(1)));
        LocalTime time = LocalTime.of(number(m.group(4), 0), number(m.group(5), 0), number(m.group(6), 0));
        return date.atTime(time).toInstant(m.group(7) == null ? ZoneOffset.UTC : offset(m.group(7)));
    }

    // RFC 2822 §4.3: two-digit years 00-49 are 2000-2049, 50-99 are 1950-1999; three digits add
    // 1900.
    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        return switch (digits.length()) {
            case 2 -> year < 50 ? 2000 + year : 1900 + year;
            case 3 -> 1900 + year;
            default -> year;
        };
    }

    private static ZoneOffset offset(String zone) {
        char sign = zone.charAt(0);
        if (sign != '+' && sign != '-') {
            ZoneOffset named = ZONE_NAMES.get(zone.toUpperCase(Locale.ROOT));
            if (named == null) {
                throw new DateTimeException("unknown zone " + zone);
            }
            return named;
        }
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        return sign == '-' ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
    }

    private static int number(String digits, int absent) {
        return digits == null ? absent : Integer.parseInt(digits);
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String nine = (fraction + "000000000").substring(0, 9);
        return Integer.parseInt(nine);
    }

    private static Map<String, ZoneOffset> zoneNames() {
        Map<String, ZoneOffset> zones = new HashMap<>();
        for (String utc : List.of("GMT", "UT", "UTC", "Z")) {
            zones.put(utc, ZoneOffset.UTC);
        }
        // RFC 822 §5.1: North American zones.
        zones.put("EST", ZoneOffset.ofHours(-5));
        zones.put("EDT", ZoneOffset.ofHours(-4));
        zones.put("CST", ZoneOffset.ofHours(-6));
        zones.put("CDT", ZoneOffset.ofHours(-5));
        zones.put("MST", ZoneOffset.ofHours(-7));
        zones.put("MDT", ZoneOffset.ofHours(-6));
        zones.put("PST", ZoneOffset.ofHours(-8));
        zones.put("PDT", ZoneOffset.ofHours(-7));
        // RFC 822 §5.1 military zones as written there (A = -1 ... M = -12, N = +1 ... Y = +12),
        // as feedparser reads them, although RFC 1123 §5.2.14 notes the signs were meant reversed.
        String west = "ABCDEFGHIKLM";
        String east = "NOPQRSTUVWXY";
        for (int i = 0; i < 12; i++) {
            zones.put(String.valueOf(west.charAt(i)), ZoneOffset.ofHours(-(i + 1)));
            zones.put(String.valueOf(east.charAt(i)), ZoneOffset.ofHours(i + 1));
        }
        return Map.copyOf(zones);
    }
}
