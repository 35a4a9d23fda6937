package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
