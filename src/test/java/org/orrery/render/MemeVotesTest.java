package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How mememe.plugin compares addresses: as Venus's {@code canonicalize} wrote them. */
class MemeVotesTest {
    /** Each address and the form Venus's canonicalize gives it (run under Python 2.7's urlparse). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "HTTP://WWW.Example.COM | http://example.com/",
                "https://example.com/a?b=1#c | https://example.com/a?b=1",
                "mailto:ann@example.org | mailto:ann@example.org",
                "http://www.example.com:8080/Path/To;params?q=A#Frag | http://example.com:8080/Path/To;params?q=A",
                "https://Shared.example/big# | https://shared.example/big",
                "http://example.com?x=1 | http://example.com/?x=1",
                "https://user@WWW.Host.example/p/ | https://user@www.host.example/p/",
                "ftp://ftp.example.org/pub | ftp://ftp.example.org/pub",
                "http://example.com/a? | http://example.com/a",
                "tag:example.com,2006:1 | tag:example.com,2006:1",
                "urn:isbn:0451450523 | urn:isbn:0451450523",
                "http://www.example.com/#top | http://example.com/",
                "relative/path | relative/path",
                "/absolute/path?x | /absolute/path?x"
            })
    void addressesAreComparedInVenussCanonicalForm(String address, String venus) {
        assertThat(MemeVotes.canonicalForm(address)).isEqualTo(venus);
    }
}
