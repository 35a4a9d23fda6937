package org.orrery.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class NextScheduleTest {
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    private final RandomGenerator most = new RandomGenerator() {
        @Override
        public long nextLong() {
            return -1;
        }

        @Override
        public double nextDouble() {
            return Math.nextDown(1.0);
        }
    };
    private final NextSchedule none = new NextSchedule(new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return 0;
        }
    });
    private final NextSchedule full = new NextSchedule(most);

    @Test
    void backsOffGeometricallyUpToADayAndNeverStops() {
        assertThat(NextSchedule.backoff(1)).isEqualTo(Duration.ofMinutes(15));
        assertThat(NextSchedule.backoff(2)).isEqualTo(Duration.ofMinutes(30));
        assertThat(NextSchedule.backoff(5)).isEqualTo(Duration.ofHours(4));
        assertThat(NextSchedule.backoff(7)).isEqualTo(Duration.ofHours(16));
        assertThat(NextSchedule.backoff(8)).isEqualTo(Duration.ofDays(1));
        assertThat(NextSchedule.backoff(10_000)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void jitterOnlyLengthensWaitsByAtMostATenth() {
        assertThat(none.afterFailure(AT, 1, Optional.empty())).isEqualTo(AT.plus(Duration.ofMinutes(15)));
        assertThat(full.afterFailure(AT, 1, Optional.empty()))
                .isAfter(AT.plus(Duration.ofMinutes(15)))
                .isBefore(AT.plus(Duration.ofMinutes(15)).plus(Duration.ofSeconds(90)));
    }

    @Test
    void retryAfterLongerThanTheBackoffWinsUpToAWeek() {
        assertThat(full.afterFailure(AT, 1, Optional.of(Duration.ofHours(3)))).isEqualTo(AT.plus(Duration.ofHours(3)));
        assertThat(none.afterFailure(AT, 3, Optional.of(Duration.ofSeconds(5))))
                .isEqualTo(AT.plus(Duration.ofHours(1)));
        assertThat(none.afterFailure(AT, 1, Optional.of(Duration.ofDays(30)))).isEqualTo(AT.plus(Duration.ofDays(7)));
    }

    @Test
    void aSuccessIsDueAtOnceUnlessTheServerGaveAFreshnessLifetimeCappedAtADay() {
        assertThat(full.afterSuccess(AT, Optional.empty())).isEqualTo(AT);
        assertThat(full.afterSuccess(AT, Optional.of(Duration.ZERO))).isEqualTo(AT);
        assertThat(none.afterSuccess(AT, Optional.of(Duration.ofMinutes(10))))
                .isEqualTo(AT.plus(Duration.ofMinutes(10)));
        assertThat(none.afterSuccess(AT, Optional.of(Duration.ofDays(365)))).isEqualTo(AT.plus(Duration.ofDays(1)));
    }

    @Test
    void whenServingASuccessWithoutALifetimeWaitsThePollIntervalAndAStatedLifetimeWins() {
        var serving = new NextSchedule(most, Duration.ofMinutes(30));

        assertThat(serving.afterSuccess(AT, Optional.empty()))
                .isAfterOrEqualTo(AT.plus(Duration.ofMinutes(30)))
                .isBefore(AT.plus(Duration.ofMinutes(33)));
        assertThat(serving.afterSuccess(AT, Optional.of(Duration.ZERO)))
                .isAfterOrEqualTo(AT.plus(Duration.ofMinutes(30)));
        assertThat(serving.afterSuccess(AT, Optional.of(Duration.ofMinutes(5))))
                .isAfterOrEqualTo(AT.plus(Duration.ofMinutes(5)))
                .isBefore(AT.plus(Duration.ofMinutes(6)));
        assertThat(serving.afterSuccess(AT, Optional.of(Duration.ofDays(365))))
                .isBefore(AT.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)));
    }
}
