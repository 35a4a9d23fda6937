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
    // A zone: a name ("GMT", "EST", military letters) or an offset, optionally after GMT/UTC.
    private static final String ZONE = "((?:gmt|utc?)?[+-]\\d{1,2}(?::?\\d{2})?|[a-z]{1,5})";

    private static final Pattern ISO_8601 = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:[t ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?"
                    + "\\s*(z|[+-]\\d{2}(?::?\\d{2})?)?)?)?)?",
            Pattern.CASE_INSENSITIVE);

    // RFC 822 §5.1 / RFC 1123 §5.2.14: [weekday,] day month year [hh:mm[:ss]] [zone]; weekdays
    // are not checked, month names are matched on their first three letters.
    private static final Pattern RFC_822 = Pattern.compile(
            "(?:[a-z]{2,9}\\.?\\s*,?\\s*)?(\\d{1,2})[\\s-]+([a-z]{3,9})\\.?[\\s-]+(\\d{2,4})"
                    + "(?:[\\s,]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*" + ZONE + "?",
            Pattern.CASE_INSENSITIVE);

    // ISO 8601 basic format: 20031231T101455Z.
    private static final Pattern ISO_8601_BASIC = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})(?:t(\\d{2})(\\d{2})(\\d{2})?)?\\s*(z|[+-]\\d{2}:?\\d{2})?",
            Pattern.CASE_INSENSITIVE);

    // C's asctime() and Unix date(1): [weekday] month day hh:mm[:ss] [zone] year.
    private static final Pattern ASCTIME = Pattern.compile(
            "(?:[a-z]{2,9},?\\s+)?([a-z]{3,9})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s+(?:" + ZONE
                    + "\\s+)?(\\d{4})",
            Pattern.CASE_INSENSITIVE);

    // Perforce and others: [weekday,] yyyy/mm/dd hh:mm[:ss] [zone].
    private static final Pattern SLASHED = Pattern.compile(
            "(?:[a-z]{2,9},?\\s+)?(\\d{4})/(\\d{1,2})/(\\d{1,2})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*" + ZONE
                    + "?",
            Pattern.CASE_INSENSITIVE);

    // Korean blog software (OnBlog, Nate): Korean Standard Time, UTC+9.
    private static final Pattern KOREAN = Pattern.compile(
            "(\\d{4})\\s*[년-]\\s*(\\d{1,2})\\s*[월-]\\s*(\\d{1,2})\\s*일?\\s*(오전|오후)?\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

    private static final List<Format> FORMATS = List.of(
            new Format("RFC 3339 / W3CDTF", ISO_8601, FeedDates::iso8601),
            new Format("RFC 822", RFC_822, FeedDates::rfc822),
            new Format("ISO 8601 basic", ISO_8601_BASIC, FeedDates::numericDateTime),
            new Format("asctime", ASCTIME, FeedDates::asctime),
            new Format("yyyy/mm/dd", SLASHED, FeedDates::numericDateTime),
            new Format("Korean", KOREAN, FeedDates::korean));

    // Month and weekday names of the non-English dates feedparser reads (Greek, Hungarian), as
    // the English abbreviations or month numbers the rows above read.
    private static final Map<String, String> FOREIGN_NAMES = Map.ofEntries(
            Map.entry("ιαν", "Jan"),
            Map.entry("φεβ", "Feb"),
            Map.entry("μάώ", "Mar"),
            Map.entry("μαρ", "Mar"),
            Map.entry("μάρ", "Mar"),
            Map.entry("απρ", "Apr"),
            Map.entry("μάι", "May"),
            Map.entry("μαϊ", "May"),
            Map.entry("μαι", "May"),
            Map.entry("ιούν", "Jun"),
            Map.entry("ιον", "Jun"),
            Map.entry("ιούλ", "Jul"),
            Map.entry("ιολ", "Jul"),
            Map.entry("αύγ", "Aug"),
            Map.entry("αυγ", "Aug"),
            Map.entry("σεπ", "Sep"),
            Map.entry("οκτ", "Oct"),
            Map.entry("νοέ", "Nov"),
            Map.entry("νοε", "Nov"),
            Map.entry("δεκ", "Dec"),
            Map.entry("κυρ", "Sun"),
            Map.entry("δευ", "Mon"),
            Map.entry("τρι", "Tue"),
            Map.entry("τετ", "Wed"),
            Map.entry("πεμ", "Thu"),
            Map.entry("παρ", "Fri"),
            Map.entry("σαβ", "Sat"),
            Map.entry("január", "01"),
            Map.entry("február", "02"),
            Map.entry("március", "03"),
            Map.entry("április", "04"),
            Map.entry("május", "05"),
            Map.entry("június", "06"),
            Map.entry("július", "07"),
            Map.entry("augusztus", "08"),
            Map.entry("szeptember", "09"),
            Map.entry("október", "10"),
            Map.entry("november", "11"),
            Map.entry("december", "12"));
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /**
     * Longer text is no date: the longest format spelled out ("Wednesday, 30 September 2009
     * 12:34:56 GMT+09:00") is about 50 characters, and the patterns' optional spaces take time
     * quadratic in the length of text that fails them.
     */
    static final int MAX_DATE_CHARS = 200;

    private static final Pattern UTC_BEFORE_OFFSET = Pattern.compile("(?i)^(gmt|utc?)(?=[+-])");

    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private static final Map<String, ZoneOffset> ZONE_NAMES = zoneNames();

    private FeedDates() {}

    /**
     * The instant {@code text} denotes; empty when no format reads it or its fields are out of
     * range (e.g. 30 February). A date without a time is midnight, without a zone UTC.
     */
    public static Optional<Instant> parse(String text) {
        if (text.length() > MAX_DATE_CHARS && text.strip().length() > MAX_DATE_CHARS) {
            return Optional.empty();
        }
        String s = englishNames(text.strip());
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
            String shown =
                    text.get().length() > MAX_DATE_CHARS ? text.get().substring(0, MAX_DATE_CHARS) + "…" : text.get();
            warnings.add(where + ": unreadable date '" + shown + "'");
        }
        return instant;
    }

    private static Instant iso8601(Matcher m) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), number(m.group(2), 1), number(m.group(3), 1));
        LocalTime time =
                LocalTime.of(number(m.group(4), 0), number(m.group(5), 0), number(m.group(6), 0), nanos(m.group(7)));
        return date.atTime(time).toInstant(m.group(8) == null ? ZoneOffset.UTC : offset(m.group(8)));
    }

    private static String englishNames(String text) {
        if (isAscii(text)) {
            return text;
        }
        return WORD.matcher(text)
                .replaceAll(w -> Matcher.quoteReplacement(
                        FOREIGN_NAMES.getOrDefault(w.group().toLowerCase(Locale.ROOT), w.group())));
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Year, month and day in groups 1 to 3, then hour, minute, second and offset (each optional) in 4 to 7. */
    private static Instant numericDateTime(Matcher m) {
        LocalDate date =
                LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        LocalTime time = LocalTime.of(number(m.group(4), 0), number(m.group(5), 0), number(m.group(6), 0));
        return date.atTime(time).toInstant(m.group(7) == null ? ZoneOffset.UTC : offset(m.group(7)));
    }

    private static Instant asctime(Matcher m) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(7)), month(m.group(1)), Integer.parseInt(m.group(2)));
        LocalTime time =
                LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), number(m.group(5), 0));
        return date.atTime(time).toInstant(m.group(6) == null ? ZoneOffset.UTC : offset(m.group(6)));
    }

    private static Instant korean(Matcher m) {
        int hour = Integer.parseInt(m.group(5));
        if ("오후".equals(m.group(4)) && hour < 12) {
            hour += 12;
        } else if ("오전".equals(m.group(4)) && hour == 12) {
            hour = 0;
        }
        LocalDate date =
                LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        LocalTime time = LocalTime.of(hour, Integer.parseInt(m.group(6)), number(m.group(7), 0));
        return date.atTime(time).toInstant(ZoneOffset.ofHours(9));
    }

    private static int month(String name) {
        int month = MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
        if (month == 0) {
            throw new DateTimeException("unknown month " + name);
        }
        return month;
    }

    private static Instant rfc822(Matcher m) {
        LocalDate date = LocalDate.of(year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
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

    private static ZoneOffset offset(String written) {
        String zone = UTC_BEFORE_OFFSET.matcher(written).replaceFirst("");
        char sign = zone.charAt(0);
        if (sign != '+' && sign != '-') {
            ZoneOffset named = ZONE_NAMES.get(zone.toUpperCase(Locale.ROOT));
            if (named == null) {
                throw new DateTimeException("unknown zone " + zone);
            }
            return named;
        }
        String digits = zone.substring(1).replace(":", "");
        // "+1", "+01", "+0100", "+100": the last two digits are minutes once there are three.
        int hours = Integer.parseInt(digits.length() > 2 ? digits.substring(0, digits.length() - 2) : digits);
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(digits.length() - 2)) : 0;
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
