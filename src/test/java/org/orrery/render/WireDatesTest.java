package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written date forms are exactly the formatter's, in every zone and year themes meet. */
class WireDatesTest {
    private static final List<ZoneId> ZONES = List.of(
            ZoneOffset.UTC,
            ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/St_Johns"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Pacific/Chatham"),
            ZoneId.of("America/Los_Angeles"),
            ZoneOffset.ofHoursMinutesSeconds(-3, -25, -12),
            ZoneId.of("Africa/Monrovia"));

    @Test
    void theSameAsTheFormatterForTenThousandInstants() {
        var random = new Random(20171019);
        for (int i = 0; i < 10_000; i++) {
            // From before 1900 (odd historical offsets) to past 9999.
            var instant = Instant.ofEpochSecond(random.nextLong(-2_500_000_000L, 260_000_000_000L));
            for (ZoneId zone : ZONES) {
                ZonedDateTime t = instant.atZone(zone);
                assertThat(WireDates.rfc3339(t)).as("%s", t).isEqualTo(WireDates.RFC_3339.format(t));
                assertThat(WireDates.rfc822(t)).as("%s", t).isEqualTo(WireDates.RFC_822.format(t));
            }
        }
    }

    @Test
    void venusForms() {
        var t = Instant.parse("2017-09-19T22:00:00Z").atZone(ZoneOffset.UTC);
        assertThat(WireDates.rfc3339(t)).isEqualTo("2017-09-19T22:00:00+00:00");
        assertThat(WireDates.rfc822(t)).isEqualTo("Tue, 19 Sep 2017 22:00:00 +0000");
        var early = Instant.parse("0042-01-02T03:04:05Z").atZone(ZoneId.of("Asia/Kolkata"));
        assertThat(WireDates.rfc3339(early)).isEqualTo(WireDates.RFC_3339.format(early));
    }
}
