package org.orrery.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlRulesTest {
    private static final URL BASE = UrlRules.baseUrl(URI.create("https://e.org/blog/post.html"));

    @ParameterizedTest
    @CsvSource({
        "x.png, https://e.org/blog/x.png",
        "/x.png, https://e.org/x.png",
        "//cdn.e.org/x.png, https://cdn.e.org/x.png",
        "?page=2, https://e.org/blog/post.html?page=2",
        "#fn1, https://e.org/blog/post.html#fn1",
        "HTTP://E.ORG/X, http://E.ORG/X",
        "mailto:me@e.org, mailto:me@e.org",
        "' my photo.jpg ', https://e.org/blog/my photo.jpg",
    })
    void resolvesWebUrls(String raw, String expected) {
        assertThat(UrlRules.resolve(BASE, raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                " JAVASCRIPT:alert(1)",
                "java\tscript:alert(1)",
                "java\nscript:alert(1)",
                "\u0001javascript:alert(1)",
                "vbscript:x",
                "data:text/html,x",
                "file:///etc/passwd",
                "ftp://e.org/",
                "java\u0000script:alert(1)",
            })
    void rejectsEverythingElse(String raw) {
        assertThat(UrlRules.resolve(BASE, raw)).isEmpty();
    }

    @Test
    void withoutAWebBaseRelativeUrlsStayAsWritten() {
        assertThat(UrlRules.baseUrl(URI.create("file:/tmp/feed.xml"))).isNull();
        assertThat(UrlRules.resolve(null, "test.html")).contains("test.html");
        assertThat(UrlRules.resolve(null, " /a/b?c#d ")).contains("/a/b?c#d");
        assertThat(UrlRules.resolve(null, "//cdn.e.org/x.png")).contains("//cdn.e.org/x.png");
        assertThat(UrlRules.resolve(null, "https://e.org/x.png")).contains("https://e.org/x.png");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                " JAVASCRIPT:alert(1)",
                "java\tscript:alert(1)",
                "java\nscript:alert(1)",
                "\u0001javascript:alert(1)",
                "java\u0000script:alert(1)",
                "x\u0001y.html",
                "data:text/html,x",
                "file:///etc/passwd",
            })
    void withoutAWebBaseOtherSchemesAreStillRejected(String raw) {
        assertThat(UrlRules.resolve(null, raw)).isEmpty();
    }

    @Test
    void keepsEmptyUrlsEmpty() {
        assertThat(UrlRules.resolve(BASE, "  ")).contains("");
    }

    @Test
    void imageSourcesMayBeInlineRasterImages() {
        assertThat(UrlRules.resolveImage(BASE, "data:image/gif;base64,R0lG\nODlh"))
                .contains("data:image/gif;base64,R0lGODlh");
        assertThat(UrlRules.resolveImage(BASE, "data:image/svg+xml;base64,PHN2Zz4="))
                .isEmpty();
        assertThat(UrlRules.resolveImage(BASE, "data:image/png,<raw>")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a.jpg 1x, b.jpg 2x|https://e.org/blog/a.jpg 1x, https://e.org/blog/b.jpg 2x",
                "a.jpg,b.jpg 2x|https://e.org/blog/a.jpg,b.jpg 2x", // WHATWG: a comma inside a URL is part of it
                "  a.jpg   480w ,  b.jpg 800w  |https://e.org/blog/a.jpg 480w, https://e.org/blog/b.jpg 800w",
                "a.jpg 1x, javascript:alert(1) 2x|https://e.org/blog/a.jpg 1x",
                "a.jpg 1x, b.jpg onerror=alert(1)|https://e.org/blog/a.jpg 1x",
                "a.jpg 1.5x,|https://e.org/blog/a.jpg 1.5x",
            })
    void parsesSrcsetCandidateByCandidate(String raw, String expected) {
        assertThat(UrlRules.srcset(BASE, raw)).contains(expected);
    }

    @Test
    void srcsetWithNothingValidIsDropped() {
        assertThat(UrlRules.srcset(BASE, "javascript:alert(1) 1x, data:text/html,x 2x"))
                .isEmpty();
    }
}
