package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class StrftimeTest {
    // A Tuesday evening, in UTC: 19 Sep 2017 22:00:05
    private static final ZonedDateTime EVENING = ZonedDateTime.of(2017, 9, 19, 22, 0, 5, 0, ZoneOffset.UTC);
    private static final ZonedDateTime MORNING = ZonedDateTime.of(2017, 9, 5, 0, 7, 0, 0, ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // Planet Twisted
                "%d %b %Y %-I:%M%P GMT | 19 Sep 2017 10:00pm GMT",
                "%d %b %Y | 19 Sep 2017",
                // Venus defaults
                "%B %d, %Y %I:%M %p | September 19, 2017 10:00 PM",
                "%B %d, %Y | September 19, 2017",
                // Planet Python
                "%B %d, %Y %I:%M %p %Z | September 19, 2017 10:00 PM UTC",
                "%A, %-d. %B %Y, %H:%M:%S | Tuesday, 19. September 2017, 22:00:05",
                "%a %e %j %y %z %% | Tue 19 262 17 +0000 %",
                "%F %T | 2017-09-19 22:00:05",
                "%Q stays | %Q stays",
            })
    void formatsLikePythonOnGlibc(String pattern, String expected) {
        assertThat(new Strftime(pattern).format(EVENING)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "%-d %b | 5 Sep",
                "%d | 05",
                "%e | ' 5'",
                "%_d | ' 5'",
                "%I %-I %P %p | 12 12 am AM",
                "%-H:%M | 0:07",
            })
    void padsAndDropsPaddingOnRequest(String pattern, String expected) {
        assertThat(new Strftime(pattern).format(MORNING)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"America/New_York | 6:00pm EDT", "Europe/Berlin | 12:00am CEST"})
    void namesOtherZonesByTheirAbbreviation(String zone, String expected) {
        assertThat(new Strftime("%-I:%M%P %Z").format(EVENING.withZoneSameInstant(ZoneId.of(zone))))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "America/New_York | -0400",
                "Asia/Kolkata | +0530",
                "America/St_Johns | -0230",
                "Pacific/Kiritimati | +1400"
            })
    void writesTheOffsetAsSignHoursMinutes(String zone, String expected) {
        assertThat(new Strftime("%z").format(EVENING.withZoneSameInstant(ZoneId.of(zone))))
                .isEqualTo(expected);
    }

    /**
     * Python 2.7's {@code time.strftime} in each locale Orrery carries, as Venus ran it on glibc
     * ({@code glibc-strftime.tsv}, made by {@code scripts/glibc-locale-names.py}): every day of
     * the week, every month, morning and evening.
     */
    @ParameterizedTest
    @MethodSource("glibcLocales")
    void writesNamesAsTheCLibraryDoes(String locale, List<String[]> cases) {
        String[] parts = locale.split("_");
        var strftime = new java.util.HashMap<String, Strftime>();
        for (String[] c : cases) {
            Strftime s = strftime.computeIfAbsent(c[1], p -> new Strftime(p, Locale.of(parts[0], parts[1])));
            ZonedDateTime t = LocalDateTime.parse(c[2]).atZone(ZoneOffset.UTC);
            assertThat(s.format(t)).as("%s %s %s", locale, c[1], c[2]).isEqualTo(c[3]);
        }
    }

    static Stream<Arguments> glibcLocales() throws IOException {
        Map<String, List<String[]>> byLocale = new LinkedHashMap<>();
        try (var in = StrftimeTest.class.getResourceAsStream("/render/glibc-strftime.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isEmpty()) {
                    String[] fields = line.split("\t", -1);
                    byLocale.computeIfAbsent(fields[0], k -> new ArrayList<>()).add(fields);
                }
            }
        }
        assertThat(byLocale).hasSizeGreaterThan(60);
        return byLocale.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // Java's CLDR data says "Do." and "tammikuuta"
                "de | %a %d %B | Do 01 Januar",
                "de_AT | %a %d %B | Do 01 Jänner",
                "fi_FI | %A %-d %B | torstai 1 tammikuu",
                "en_GB | %I %p %P | 12 am am",
                "de_DE | %I%p | 12",
            })
    void showsTheCLibrarysNamesNotJavas(String locale, String pattern, String expected) {
        String[] parts = (locale + "_").split("_");
        ZonedDateTime newYear = ZonedDateTime.of(2015, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        assertThat(new Strftime(pattern, Locale.of(parts[0], parts.length > 1 ? parts[1] : "")).format(newYear))
                .isEqualTo(expected);
    }
}
