package org.orrery.render;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.orrery.model.LocaleNames;

/**
 * Formats times with Python {@code time.strftime} patterns as planet configs write them
 * ({@code date_format}, {@code new_date_format}), with month and day names and am/pm in a given
 * locale as the C library writes them ({@link LocaleNames}; English, the C locale's, by default).
 *
 * <p>Besides the C89 directives it reads the glibc forms real configs use: {@code %-d} (no
 * padding), {@code %_d} (space padding), {@code %P} (lower-case am/pm), {@code %e}, {@code
 * %k}, {@code %l}, {@code %s}. An unknown directive is copied through as written, as glibc
 * does.
 */
public final class Strftime {
    private static final Set<String> UTC_IDS = Set.of("Z", "UTC", "GMT", "Etc/UTC", "UT");

    private final String pattern;
    private final Locale locale;
    private final LocaleNames names;
    // Made on first use (the nested patterns of %c, %D, ... never need it); immutable, so a
    // race only makes it twice.
    private DateTimeFormatter zoneAbbreviation;

    public Strftime(String pattern) {
        this(pattern, Locale.ENGLISH);
    }

    public Strftime(String pattern, Locale locale) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.names = LocaleNames.of(locale);
    }

    /** The locale month and day names are written in. */
    public Locale locale() {
        return locale;
    }

    public String format(ZonedDateTime t) {
        var out = new StringBuilder(pattern.length() + 16);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i++);
            if (c != '%' || i >= pattern.length()) {
                out.append(c);
                continue;
            }
            char pad = 0; // 0: the directive's own padding
            char d = pattern.charAt(i++);
            if ((d == '-' || d == '_' || d == '0') && i < pattern.length()) {
                pad = d;
                d = pattern.charAt(i++);
            }
            if (!directive(out, d, pad, t)) {
                out.append('%');
                if (pad != 0) {
                    out.append(pad);
                }
                out.append(d);
            }
        }
        return out.toString();
    }

    private boolean directive(StringBuilder out, char d, char pad, ZonedDateTime t) {
        switch (d) {
            case 'a' -> out.append(names.shortDay(t.getDayOfWeek()));
            case 'A' -> out.append(names.day(t.getDayOfWeek()));
            case 'b', 'h' -> out.append(names.shortMonth(t.getMonth()));
            case 'B' -> out.append(names.month(t.getMonth()));
            case 'C' -> number(out, t.getYear() / 100, 2, '0', pad);
            case 'd' -> number(out, t.getDayOfMonth(), 2, '0', pad);
            case 'e' -> number(out, t.getDayOfMonth(), 2, ' ', pad);
            case 'H' -> number(out, t.getHour(), 2, '0', pad);
            case 'k' -> number(out, t.getHour(), 2, ' ', pad);
            case 'I' -> number(out, hour12(t), 2, '0', pad);
            case 'l' -> number(out, hour12(t), 2, ' ', pad);
            case 'j' -> number(out, t.getDayOfYear(), 3, '0', pad);
            case 'm' -> number(out, t.getMonthValue(), 2, '0', pad);
            case 'M' -> number(out, t.getMinute(), 2, '0', pad);
            case 'S' -> number(out, t.getSecond(), 2, '0', pad);
            case 'p' -> out.append(names.amPm(t.getHour()));
            case 'P' -> out.append(names.amPm(t.getHour()).toLowerCase(locale));
            case 'y' -> number(out, Math.floorMod(t.getYear(), 100), 2, '0', pad);
            case 'Y' -> out.append(t.getYear());
            case 'G' -> out.append(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'V' -> number(out, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0', pad);
            case 'u' -> out.append(t.getDayOfWeek().getValue());
            case 'w' -> out.append(t.getDayOfWeek().getValue() % 7);
            case 'U' -> number(out, weekOfYear(t, 0), 2, '0', pad);
            case 'W' -> number(out, weekOfYear(t, 1), 2, '0', pad);
            case 'z' -> out.append(offset(t));
            case 'Z' -> out.append(zoneName(t));
            case 's' -> out.append(t.toEpochSecond());
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case '%' -> out.append('%');
            case 'D' -> out.append(new Strftime("%m/%d/%y", locale).format(t));
            case 'F' -> out.append(new Strftime("%Y-%m-%d", locale).format(t));
            case 'T' -> out.append(new Strftime("%H:%M:%S", locale).format(t));
            case 'R' -> out.append(new Strftime("%H:%M", locale).format(t));
            case 'r' -> out.append(new Strftime("%I:%M:%S %p", locale).format(t));
            case 'c' -> out.append(new Strftime("%a %b %e %H:%M:%S %Y", locale).format(t));
            case 'x' -> out.append(new Strftime("%m/%d/%y", locale).format(t));
            case 'X' -> out.append(new Strftime("%H:%M:%S", locale).format(t));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static int hour12(ZonedDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    /** Week of the year, weeks starting on Sunday (0) or Monday (1); days before the first are week 0. */
    private static int weekOfYear(ZonedDateTime t, int firstDay) {
        int dayOfYear = t.getDayOfYear() - 1;
        int weekday = (t.getDayOfWeek().getValue() - firstDay + 7) % 7;
        return (dayOfYear - weekday + 7) / 7;
    }

    private static String offset(ZonedDateTime t) {
        int seconds = t.getOffset().getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        var out = new StringBuilder(5).append(seconds < 0 ? '-' : '+');
        number(out, minutes / 60, 2, '0', '\0');
        number(out, minutes % 60, 2, '0', '\0');
        return out.toString();
    }

    private String zoneName(ZonedDateTime t) {
        boolean utc = t.getOffset().getTotalSeconds() == 0
                && UTC_IDS.contains(t.getZone().normalized().getId());
        // glibc names the UTC zone "UTC"; other zones by their abbreviation (EST, CET, ...)
        if (utc) {
            return "UTC";
        }
        if (zoneAbbreviation == null) {
            zoneAbbreviation = DateTimeFormatter.ofPattern("zzz", locale);
        }
        return zoneAbbreviation.format(t);
    }

    private static void number(StringBuilder out, int value, int width, char defaultPad, char flag) {
        String digits = Integer.toString(value);
        char padWith =
                switch (flag) {
                    case '-' -> 0;
                    case '_' -> ' ';
                    case '0' -> '0';
                    default -> defaultPad;
                };
        if (padWith != 0) {
            out.repeat(padWith, Math.max(0, width - digits.length()));
        }
        out.append(digits);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
