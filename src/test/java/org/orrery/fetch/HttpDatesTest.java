package org.orrery.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.hc.client5.http.utils.DateUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading HTTP-dates by position gives what HttpClient's parser gives, for every form. */
class HttpDatesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Sun, 06 Nov 1994 08:49:37 GMT",
                "Sat, 05 Dec 2026 23:59:59 GMT",
                "Thu, 29 Feb 2024 00:00:00 GMT",
                "Fri, 31 Dec 1999 12:30:00 GMT",
                "Mon, 31 Dec 1999 12:30:00 GMT",
                "Sun, 31 Feb 2021 08:49:37 GMT",
                "Sunday, 06-Nov-94 08:49:37 GMT",
                "Sun Nov  6 08:49:37 1994",
                "Sun, 06 Nov 1994 08:49:37 +0000",
            })
    void readsWhatHttpClientReads(String value) {
        assertThat(ResponseHeaders.httpDate(value)).isEqualTo(DateUtils.parseStandardDate(value));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Sun, 06 Nov 1994 08:49:37 GMT",
                "Sat, 05 Dec 2026 10:00:00 GMT",
            })
    void readsThePreferredFormByItsFields(String value) {
        assertThat(ResponseHeaders.httpDate(value))
                .isEqualTo(
                        value.startsWith("Sun")
                                ? Instant.parse("1994-11-06T08:49:37Z")
                                : Instant.parse("2026-12-05T10:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Sun, 06 Xyz 1994 08:49:37 GMT",
                "Sun, 06 Nov 1994 25:49:37 GMT",
                "Sun, 0x Nov 1994 08:49:37 GMT",
                "yesterday",
                "",
            })
    void isNullWhereHttpClientFindsNoDate(String value) {
        assertThat(DateUtils.parseStandardDate(value)).isNull();
        assertThat(ResponseHeaders.httpDate(value)).isNull();
    }
}
