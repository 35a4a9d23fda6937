package org.orrery.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The names a locale gives days, months and the halves of the day, as the C library (glibc)
 * writes them for {@code %a %A %b %B %p}: what Venus showed through Python's {@code
 * time.strftime}. Orrery carries glibc's names for the common European locales and a few others
 * ({@code glibc-locale-names.tsv}, made by {@code scripts/glibc-locale-names.py}); for any other
 * locale Java's CLDR names stand in, which differ in places ({@code Do.} for {@code Do}).
 *
 * @param shortDays {@code %a}, Sunday first
 * @param days {@code %A}, Sunday first
 * @param shortMonths {@code %b}, January first
 * @param months {@code %B}, January first
 * @param amPm {@code %p}: before noon, after noon; empty in locales without them
 */
public record LocaleNames(
        List<String> shortDays, List<String> days, List<String> shortMonths, List<String> months, List<String> amPm) {
    /** The C locale's names, which are also en_US's. */
    public static final LocaleNames C = new LocaleNames(
            List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"),
            List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
            List.of(
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December"),
            List.of("AM", "PM"));

    public LocaleNames {
        shortDays = checked(shortDays, 7, "shortDays");
        days = checked(days, 7, "days");
        shortMonths = checked(shortMonths, 12, "shortMonths");
        months = checked(months, 12, "months");
        amPm = checked(amPm, 2, "amPm");
    }

    /**
     * glibc's names for the locale, when Orrery carries them: by language and territory ({@code
     * de-AT}), or for a language alone by its main territory's ({@code de} is {@code de_DE}).
     */
    public static Optional<LocaleNames> glibc(Locale locale) {
        String language = locale.getLanguage();
        if (language.equals("en")
                && (locale.getCountry().isEmpty() || locale.getCountry().equals("US"))) {
            return Optional.of(C); // most planets: no need to read the table
        }
        String name = locale.getCountry().isEmpty()
                ? Table.MAIN_TERRITORY.get(language)
                : language + "_" + locale.getCountry();
        return Optional.ofNullable(name == null ? null : Table.NAMES.get(name));
    }

    /** glibc's names for the locale when Orrery carries them, else Java's, with glibc's {@code AM}/{@code PM}. */
    public static LocaleNames of(Locale locale) {
        return glibc(locale).orElseGet(() -> java(locale));
    }

    public String shortDay(DayOfWeek day) {
        return shortDays.get(day.getValue() % 7);
    }

    public String day(DayOfWeek day) {
        return days.get(day.getValue() % 7);
    }

    public String shortMonth(Month month) {
        return shortMonths.get(month.getValue() - 1);
    }

    public String month(Month month) {
        return months.get(month.getValue() - 1);
    }

    /** {@code %p} for an hour of the day, 0 to 23. */
    public String amPm(int hour) {
        return amPm.get(hour < 12 ? 0 : 1);
    }

    private static LocaleNames java(Locale locale) {
        List<DayOfWeek> week = new ArrayList<>(List.of(DayOfWeek.SUNDAY));
        week.addAll(Arrays.asList(DayOfWeek.values()).subList(0, 6));
        return new LocaleNames(
                week.stream()
                        .map(d -> d.getDisplayName(TextStyle.SHORT, locale))
                        .toList(),
                week.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList(),
                Arrays.stream(Month.values())
                        .map(m -> m.getDisplayName(TextStyle.SHORT, locale))
                        .toList(),
                Arrays.stream(Month.values())
                        .map(m -> m.getDisplayName(TextStyle.FULL, locale))
                        .toList(),
                List.of("AM", "PM"));
    }

    private static List<String> checked(List<String> names, int size, String what) {
        if (names.size() != size) {
            throw new IllegalArgumentException(what + ": " + size + " names expected, not " + names);
        }
        return List.copyOf(names);
    }

    /** The carried table, read on first use. */
    private static final class Table {
        static final Map<String, LocaleNames> NAMES = new HashMap<>();
        static final Map<String, String> MAIN_TERRITORY = new HashMap<>();

        static {
            Map<String, Map<String, List<String>>> rows = new LinkedHashMap<>();
            try (var in = LocaleNames.class.getResourceAsStream("glibc-locale-names.tsv");
                    var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("#") || line.isEmpty()) {
                        continue;
                    }
                    String[] fields = line.split("\t", -1);
                    rows.computeIfAbsent(fields[0], k -> new HashMap<>())
                            .put(fields[1], List.of(fields).subList(2, fields.length));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading glibc-locale-names.tsv, which Orrery's jar holds", e);
            }
            rows.forEach((name, r) -> {
                NAMES.put(name, new LocaleNames(r.get("a"), r.get("A"), r.get("b"), r.get("B"), r.get("p")));
                // The table lists each language's main territory first.
                MAIN_TERRITORY.putIfAbsent(name.substring(0, name.indexOf('_')), name);
            });
        }
    }
}
