package org.orrery.parse.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FeedDatesTest {
    /** Rows of {@code parse/dates.txt}: input, a tab, the instant expected or "-" for none. */
    static Stream<Arguments> dates() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/parse/dates.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t+");
            rows.add(Arguments.of(columns[0], columns[1].strip()));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("dates")
    void readsDatesFeedsWrite(String input, String expected) {
        Optional<Instant> parsed = FeedDates.parse(input);
        assertThat(parsed.map(Instant::toString).orElse("-")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dates")
    void warnsOnlyAboutUnreadableDates(String input, String expected) {
        List<String> warnings = new ArrayList<>();
        FeedDates.parse(Optional.of(input), "entry 2", warnings);
        assertThat(warnings)
                .isEqualTo(expected.equals("-") ? List.of("entry 2: unreadable date '" + input + "'") : List.of());
    }
}
