package org.orrery.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeUrlsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JaVaScRiPt:alert(1)",
                "javascript://%0Aalert(1)",
                "vbscript:msgbox(1)",
                "data:text/html,x",
                "feed:javascript:alert(1)",
                "file:///etc/passwd",
                "ftp://example.org/feed"
            })
    void linksOfOtherSchemesThanTheWebsAreNotPublished(String url) {
        assertThat(SafeUrls.of(URI.create(url))).isEmpty();
        assertThat(SafeUrls.of(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/a?b#c", "http://EXAMPLE.org:8080/", "mailto:me@example.org"})
    void webAndMailtoLinksArePublishedAsTheyAre(String url) {
        assertThat(SafeUrls.of(URI.create(url))).contains(URI.create(url));
        assertThat(SafeUrls.of(url)).isEqualTo(url);
    }

    @Test
    void aRelativeLinkStaysAsWrittenButNotWithWhatBrowsersIgnore() {
        assertThat(SafeUrls.of("faces/alice.png")).isEqualTo("faces/alice.png");
        assertThat(SafeUrls.of(" java\tscript:alert(1)")).isEmpty();
        assertThat(SafeUrls.of(URI.create(""))).isEmpty();
    }
}
