package org.orrery.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlSanitizerTest {
    private static final URI BASE = URI.create("https://blog.example.org/2017/09/post.html");
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    private String clean(String html) {
        return sanitizer.sanitize(html, BASE);
    }

    // -- what is kept

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<figure><picture><source srcset=\"https://e.org/a.webp\" type=\"image/webp\"></picture>"
                        + "<figcaption>cap</figcaption></figure>",
                "<details open><summary>more</summary><p>hidden</p></details>",
                "<p><mark>hi</mark> <time datetime=\"2017-09-19\">today</time> <abbr title=\"HyperText\">HTML</abbr></p>",
                "<table tabindex=\"0\"><caption>c</caption><thead><tr><th scope=\"col\">h</th></tr></thead>"
                        + "<tbody><tr><td colspan=\"2\">d</td></tr></tbody></table>",
                "<pre tabindex=\"0\"><code class=\"language-python\">x &lt; 1</code></pre>",
                "<div class=\"highlight\"><pre tabindex=\"0\"><span class=\"k\">def</span> f():</pre></div>",
                "<ol start=\"3\" reversed><li>three</li></ol>",
                "<dl><dt>term</dt><dd>definition</dd></dl>",
                "<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>",
                "<p>a<sub>1</sub> b<sup>2</sup> <kbd>Ctrl</kbd> <del>old</del><ins>new</ins></p>",
                "<p xml:lang=\"fr\" lang=\"fr\"><font face=\"Verdana\" color=\"#26394D\">c</font> <big>b</big></p>",
                "<center><strike>s</strike> <tt>t</tt> <nobr>n</nobr></center>",
            })
    void keepsStructuralAndTextElements(String html) {
        assertThat(clean(html)).isEqualTo(html);
    }

    @Test
    void tablesAndPreformattedTextCanBeFocusedToScrollThemWithAKeyboard() {
        assertThat(clean("<pre tabindex=\"5\">code</pre><table tabindex=\"-1\"><tr><td>x</td></tr></table>"))
                .isEqualTo(
                        "<pre tabindex=\"0\">code</pre><table tabindex=\"0\"><tbody><tr><td>x</td></tr></tbody></table>");
        assertThat(sanitizer.undecorated().sanitize("<pre>code</pre>", BASE)).isEqualTo("<pre>code</pre>");
    }

    @Test
    void keepsRelativeUrlsAsWrittenWhenTheBaseIsNotAWebUrl() {
        URI file = URI.create("file:///home/me/feed.xml");
        assertThat(sanitizer.sanitize("<a href=\"test.html\">t</a><img src=\"/i.png\">", file))
                .isEqualTo(
                        "<a href=\"test.html\" rel=\"noopener noreferrer\">t</a><img src=\"/i.png\" loading=\"lazy\">");
        assertThat(sanitizer.sanitize("<a href=\"java&#x09;script:alert(1)\">x</a><img src=\"file:///etc/x\">", file))
                .isEqualTo("<a>x</a><img>");
        assertThat(sanitizer.sanitize("<iframe src=\"/embed/x\"></iframe>", file))
                .isEmpty();
    }

    @Test
    void keepsAudioAndVideoWithControlsAndWithoutAutoplay() {
        assertThat(clean("<video src=\"/v.mp4\" poster=\"p.jpg\" autoplay loop muted>fallback</video>"))
                .isEqualTo(
                        "<video src=\"https://blog.example.org/v.mp4\" poster=\"https://blog.example.org/2017/09/p.jpg\""
                                + " loop=\"\" muted controls>fallback</video>");
        assertThat(clean("<audio><source src=\"a.ogg\" type=\"audio/ogg\"></audio>"))
                .isEqualTo(
                        "<audio controls><source src=\"https://blog.example.org/2017/09/a.ogg\" type=\"audio/ogg\"></audio>");
    }

    // -- what is removed

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<p>Hi<script>alert('x')</script></p>|<p>Hi</p>",
                "<style>body{display:none}</style><p>text</p>|<p>text</p>",
                "<template><p>later</p></template><p>now</p>|<p>now</p>",
                "<p>a<svg><script>alert(1)</script><text>drawn</text></svg>b</p>|<p>a<svg xmlns=\"http://www.w3.org/2000/svg\"><text>drawn</text></svg>b</p>",
                "<head><title>t</title><meta charset=x><link rel=stylesheet href=s.css><base href=/x/></head>x|x",
                "<object data=\"movie.swf\"><param name=a value=b><embed src=movie.swf>Flash is gone</object>|Flash is gone",
                "<form action=\"/login\"><label>Name <input name=\"n\"></label></form>|<label>Name <input></label>",
            })
    void removesWhatIsNotContentWithItsContent(String html, String expected) {
        assertThat(clean(html)).isEqualTo(expected);
    }

    @Test
    void mathmlElementsNamedLikeHtmlOnesAreNotKept() {
        assertThat(clean("<math><a HREF=\"javascript:alert(1)\" STYLE=\"position:fixed\">x</a></math>"))
                .isEqualTo("<math xmlns=\"http://www.w3.org/1998/Math/MathML\">x</math>");
        assertThat(clean("<math><source src=\"a.mp3\"><a href=\"https://e.org/\">y</a></math>"))
                .isEqualTo("<math xmlns=\"http://www.w3.org/1998/Math/MathML\">y</math>");
    }

    @Test
    void unwrapsNoscriptFallbacksButNotImagesALazyImageAlreadyShows() {
        assertThat(
                        clean(
                                "<img data-src=\"a.jpg\" src=\"data:image/gif;base64,R0lGOD==\">"
                                        + "<noscript><img src=\"a.jpg\"></noscript><noscript><p>Enable JS to see the chart</p></noscript>"))
                .isEqualTo(
                        "<img src=\"https://blog.example.org/2017/09/a.jpg\" loading=\"lazy\"><p>Enable JS to see the chart</p>");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<img src=x onerror=alert(1)>",
                "<a href=\"#\" onclick=\"alert(1)\">x</a>",
                "<p onmouseover=\"alert(1)\">x</p>",
                "<body onload=alert(1)>x",
                "<details open ontoggle=alert(1)>x</details>",
            })
    void dropsEventHandlers(String html) {
        assertThat(clean(html)).doesNotContainIgnoringCase("alert").doesNotContain(" on");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
                "<a href=\"&#106;avascript:alert(1)\">x</a>",
                "<a href=\" javascript:alert(1)\">x</a>",
                "<a href=\"java&#x09;script:alert(1)\">x</a>",
                "<a href=\"java\nscript:alert(1)\">x</a>",
                "<a href=\"vbscript:msgbox(1)\">x</a>",
                "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
                "<a href=\"ftp://e.org/x\">x</a>",
                "<a href=\"file:///etc/passwd\">x</a>",
            })
    void dropsNonWebUrls(String html) {
        assertThat(clean(html)).isEqualTo("<a>x</a>");
    }

    @Test
    void keepsMailtoLinks() {
        assertThat(clean("<a href=\"mailto:me@e.org\">me</a>"))
                .isEqualTo("<a href=\"mailto:me@e.org\" rel=\"noopener noreferrer\">me</a>");
    }

    @Test
    void keepsInlineRasterImagesButNotSvgOnes() {
        assertThat(clean("<img src=\"data:image/png;base64,iVBORw0KGgo=\">"))
                .isEqualTo("<img src=\"data:image/png;base64,iVBORw0KGgo=\" loading=\"lazy\">");
        assertThat(clean("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">")).isEqualTo("<img>");
        assertThat(clean("<a href=\"data:image/png;base64,iVBORw0KGgo=\">x</a>"))
                .isEqualTo("<a>x</a>");
    }

    @Test
    void reducesStyleToTheSafeSubset() {
        assertThat(clean("<p style=\"color: red; position: fixed; background: url(x.png)\">x</p>"))
                .isEqualTo("<p style=\"color: red;\">x</p>");
        assertThat(clean("<p style=\"position:fixed\">x</p>")).isEqualTo("<p>x</p>");
    }

    @Test
    void dropsIdsAndNamesThatCouldClobberThePagesScripts() {
        assertThat(clean("<p id=\"config\">x</p><img name=\"getElementById\" src=\"a.png\">"))
                .isEqualTo("<p>x</p><img src=\"https://blog.example.org/2017/09/a.png\" loading=\"lazy\">");
    }

    // -- faithful rewrite

    @Test
    void resolvesEveryUrlAttributeAgainstTheBase() {
        assertThat(clean("<a href=\"../08/old.html\">old</a> <img src=\"/i/cat.png\" alt=\"cat\">"
                        + "<blockquote cite=\"q.html\">q</blockquote><a href=\"//cdn.e.org/x\">x</a>"))
                .isEqualTo("<a href=\"https://blog.example.org/2017/08/old.html\" rel=\"noopener noreferrer\">old</a>"
                        + " <img src=\"https://blog.example.org/i/cat.png\" alt=\"cat\" loading=\"lazy\">"
                        + "<blockquote cite=\"https://blog.example.org/2017/09/q.html\">q</blockquote>"
                        + "<a href=\"https://cdn.e.org/x\" rel=\"noopener noreferrer\">x</a>");
    }

    @Test
    void resolvesEachSrcsetCandidate() {
        assertThat(clean(
                        "<img src=\"a.jpg\" srcset=\"a-1x.jpg 1x, /b-2x.jpg 2x, javascript:alert(1) 3x, c.jpg 800w\">"))
                .isEqualTo(
                        "<img src=\"https://blog.example.org/2017/09/a.jpg\" srcset=\"https://blog.example.org/2017/09/a-1x.jpg 1x,"
                                + " https://blog.example.org/b-2x.jpg 2x, https://blog.example.org/2017/09/c.jpg 800w\" loading=\"lazy\">");
    }

    @Test
    void keepsCommasInsideSrcsetUrls() {
        assertThat(
                        clean(
                                "<img srcset=\"https://res.e.org/w_100,h_100/a.jpg 1x,https://res.e.org/w_200,h_200/a.jpg 2x\">"))
                .isEqualTo(
                        "<img srcset=\"https://res.e.org/w_100,h_100/a.jpg 1x, https://res.e.org/w_200,h_200/a.jpg 2x\">");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<img data-src=\"real.jpg\" src=\"blank.gif\">|<img src=\"https://blog.example.org/2017/09/real.jpg\" loading=\"lazy\">",
                "<img data-lazy-src=\"real.jpg\">|<img src=\"https://blog.example.org/2017/09/real.jpg\" loading=\"lazy\">",
                "<img data-original=\"real.jpg\">|<img src=\"https://blog.example.org/2017/09/real.jpg\" loading=\"lazy\">",
                "<img data-hires-src=\"real.jpg\">|<img src=\"https://blog.example.org/2017/09/real.jpg\" loading=\"lazy\">",
                "<img src=\"small.jpg\" data-large-src=\"big.jpg\">|<img src=\"https://blog.example.org/2017/09/small.jpg\" loading=\"lazy\">",
                "<img data-srcset=\"a.jpg 1x, b.jpg 2x\">|<img srcset=\"https://blog.example.org/2017/09/a.jpg 1x, https://blog.example.org/2017/09/b.jpg 2x\">",
            })
    void promotesLazyImages(String html, String expected) {
        assertThat(clean(html)).isEqualTo(expected);
    }

    @Test
    void givesLinksNoopenerAndKeepsTheAuthorsRelations() {
        assertThat(clean("<a href=\"https://e.org/\" rel=\"nofollow\" target=\"_blank\">x</a>"))
                .isEqualTo("<a href=\"https://e.org/\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">x</a>");
    }

    @Test
    void anAuthorCannotAskForAnOpener() {
        assertThat(clean("<a href=\"https://e.org/\" rel=\"opener\" target=\"_blank\">x</a>"))
                .isEqualTo("<a href=\"https://e.org/\" rel=\"noopener noreferrer\" target=\"_blank\">x</a>");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "unsafe-url|<img src=\"https://e.org/a.png\">",
                " Unsafe-URL |<img src=\"https://e.org/a.png\">",
                "no-referrer-when-downgrade|<img src=\"https://e.org/a.png\">",
                "origin-when-cross-origin|<img src=\"https://e.org/a.png\">",
                "no-referrer|<img src=\"https://e.org/a.png\" referrerpolicy=\"no-referrer\">",
                "Strict-Origin|<img src=\"https://e.org/a.png\" referrerpolicy=\"strict-origin\">",
            })
    void imagesNeverTellOtherSitesWhichPageShowsThem(String policy, String expected) {
        String html = "<img src=\"https://e.org/a.png\" referrerpolicy=\"" + policy + "\">";
        assertThat(sanitizer.undecorated().sanitize(html, BASE)).isEqualTo(expected);
    }

    @Test
    void dialogsStayClosedSoTheyCannotCoverThePage() {
        assertThat(clean("<dialog open>Subscribe now!</dialog>")).isEqualTo("<dialog>Subscribe now!</dialog>");
    }

    @Test
    void closesUnclosedElementsSoAnEntryCannotBreakThePage() {
        assertThat(clean("<div><p>open <b>bold")).isEqualTo("<div><p>open <b>bold</b></p></div>");
        assertThat(clean("</div></div><p>x</p>")).isEqualTo("<p>x</p>");
    }

    @Test
    void readsXhtmlAsHtml5() {
        assertThat(clean("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>a<br/>b</p><img src=\"a.png\" /></div>"))
                .isEqualTo(
                        "<div><p>a<br>b</p><img src=\"https://blog.example.org/2017/09/a.png\" loading=\"lazy\"></div>");
    }

    @Test
    void escapesTextAndAttributeValues() {
        assertThat(clean("  Tom > Jerry \u00a0 \"quoted\" 'single' 𝒳\n"))
                .isEqualTo("Tom &gt; Jerry &nbsp; \"quoted\" 'single' 𝒳");
        assertThat(clean("<p title=\"a &amp; &lt;b&gt; &quot;c&quot; 'd'\">x &lt;y&gt; &amp; \u0001</p>"))
                .isEqualTo("<p title=\"a &amp; &lt;b&gt; &quot;c&quot; 'd'\">x &lt;y&gt; &amp; &#x1;</p>");
    }

    @Test
    void leavesOutNoscriptImagesRepeatingALazyImageShownLater() {
        assertThat(clean("<noscript><img src=\"a.jpg\"></noscript><img data-src=\"a.jpg\" src=\"blank.gif\">"))
                .isEqualTo("<img src=\"https://blog.example.org/2017/09/a.jpg\" loading=\"lazy\">");
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertThat(clean("  \n")).isEmpty();
    }

    // -- text

    @Test
    void plainTextDecodesEntitiesAndDropsTags() {
        assertThat(HtmlSanitizer.plainText("  Tom &amp; <b>Jerry</b>\n &#8217;s  "))
                .isEqualTo("Tom & Jerry ’s");
        assertThat(HtmlSanitizer.plainText("a <script>x</script>b")).isEqualTo("a b");
    }

    @Test
    void iframeHostsOptionAddsHosts() {
        var planet = new HtmlSanitizer(List.of("video.example.org", "peertube.example.net"));
        assertThat(planet.sanitize("<iframe src=\"https://peertube.example.net/v/1\"></iframe>", BASE))
                .startsWith("<iframe src=\"https://peertube.example.net/v/1\"");
        assertThat(new HtmlSanitizer().sanitize("<iframe src=\"https://peertube.example.net/v/1\"></iframe>", BASE))
                .startsWith("<a ");
        assertThat(new HtmlSanitizer(List.of()).sanitize("x", BASE)).isEqualTo("x");
    }

    // -- found by fuzzing (SanitizerPropertiesTest.corpusMutantsComeOutSafeAndStable)

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<option><x><option>a</option></x></option>",
                "<select><option><ect><option><img src=x onerror=alert(1)></option></select>",
                "<p><option><x><option>a",
                "<h1><x><h2>a",
            })
    @Disabled("needs a sanitiser fix: an unwrapped element leaves an option in an option or a"
            + " heading in a heading, which an HTML5 parser re-parses as siblings (output not a fixed point)")
    void unwrappingLeavesNoNestingAnHtml5ParserUndoes(String html) {
        String once = clean(html);
        assertThat(clean(once)).isEqualTo(once);
    }
}
