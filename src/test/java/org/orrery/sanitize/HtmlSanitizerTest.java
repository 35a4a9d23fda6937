package org.orrery.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlSanitizerTest {
    private static final URI BASE = URI.create("https://blog.example.org/2017/09/post.html");
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void removesScriptsWithTheirContent() {
        assertThat(sanitizer.sanitize("<p>Hi<script>alert('x')</script></p>", BASE))
                .isEqualTo("<p>Hi</p>");
    }

    @Test
    void removesStylesWithTheirContent() {
        assertThat(sanitizer.sanitize("<style>body{display:none}</style><p>text</p>", BASE))
                .isEqualTo("<p>text</p>");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<img src=x onerror=alert(1)>",
                "<a href=\"#\" onclick=\"alert(1)\">x</a>",
                "<p onmouseover=\"alert(1)\">x</p>",
                "<body onload=alert(1)>x"
            })
    void dropsEventHandlers(String html) {
        assertThat(sanitizer.sanitize(html, BASE))
                .doesNotContainIgnoringCase("alert")
                .doesNotContain("on");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
                "<a href=\"&#106;avascript:alert(1)\">x</a>",
                "<a href=\" javascript:alert(1)\">x</a>",
                "<a href=\"vbscript:msgbox(1)\">x</a>",
                "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            })
    void dropsNonWebUrlSchemes(String html) {
        assertThat(sanitizer.sanitize(html, BASE)).isEqualTo("<a rel=\"noopener noreferrer\">x</a>");
    }

    @Test
    void dropsFormsFramesAndStyleAttributes() {
        String out = sanitizer.sanitize(
                "<form action=/x><input name=a></form><iframe src=//evil></iframe>"
                        + "<object data=x></object><p style=\"position:fixed\">kept</p>",
                BASE);
        assertThat(out).isEqualTo("<p>kept</p>");
    }

    @Test
    void resolvesRelativeUrlsAgainstTheBase() {
        assertThat(sanitizer.sanitize("<a href=\"../08/old.html\">old</a> <img src=\"/i/cat.png\" alt=\"cat\">", BASE))
                .isEqualTo("<a href=\"https://blog.example.org/2017/08/old.html\" rel=\"noopener noreferrer\">old</a>"
                        + " <img src=\"https://blog.example.org/i/cat.png\" alt=\"cat\">");
    }

    @Test
    void keepsCodeBlocksAndTheirLanguageClass() {
        assertThat(sanitizer.sanitize("<pre><code class=\"language-python\">x &lt; 1</code></pre>", BASE))
                .isEqualTo("<pre><code class=\"language-python\">x &lt; 1</code></pre>");
    }

    @Test
    void closesUnclosedElementsSoAnEntryCannotBreakThePage() {
        assertThat(sanitizer.sanitize("<div><p>open <b>bold", BASE)).isEqualTo("<div><p>open <b>bold</b></p></div>");
    }

    @Test
    void plainTextDecodesEntitiesAndDropsTags() {
        assertThat(HtmlSanitizer.plainText("  Tom &amp; <b>Jerry</b>\n &#8217;s  "))
                .isEqualTo("Tom & Jerry ’s");
    }
}
