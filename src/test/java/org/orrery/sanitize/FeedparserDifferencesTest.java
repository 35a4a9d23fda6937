package org.orrery.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where Orrery's sanitiser deliberately differs from feedparser's expectations in the shared
 * corpus (../shared/corpus/feedparser/wellformed/sanitize), one test per reason. Each names
 * the corpus cases it explains. The first three are differences of the published form only:
 * {@code orrery parse --json} uses {@link HtmlSanitizer#undecorated()}, which agrees with
 * feedparser there.
 */
class FeedparserDifferencesTest {
    private static final URI BASE = URI.create("http://example.com/feed.xml");
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    private String clean(String html) {
        return sanitizer.sanitize(html, BASE);
    }

    /** item_*_on{abort,blur,...}, blogger_dollar_sign_in_attribute: the issue asks for lazy images. */
    @Test
    void imagesLoadLazily() {
        assertThat(clean("<img src=\"http://www.ragingplatypus.com/i/cam-full.jpg\" onabort=\"location.href='x'\">"))
                .isEqualTo("<img src=\"http://www.ragingplatypus.com/i/cam-full.jpg\" loading=\"lazy\">");
    }

    /**
     * item_*_style, base/http_*_base_{docuri,content_location}, base/entry_*_xml_base*,
     * base/rel_uri_with_unicode_character, lang/entry_*_xml_lang_*, namespace/atomthreadingwithentry
     * and every other body with a link: a linked page must get no handle on the planet's window.
     * The author's own relations stay beside ours.
     */
    @Test
    void linksGetNoopenerNoreferrer() {
        assertThat(clean("<a href=\"http://www.ragingplatypus.com/\">x</a>"))
                .isEqualTo("<a href=\"http://www.ragingplatypus.com/\" rel=\"noopener noreferrer\">x</a>");
        assertThat(clean("<a href=\"http://example.org/profile/te...\" rel=\"nofollow\">te...</a>"))
                .isEqualTo(
                        "<a href=\"http://example.org/profile/te...\" rel=\"nofollow noopener noreferrer\">te...</a>");
    }

    /**
     * acceptable_element_{audio,video}, acceptable_attribute_{poster,preload}: with scripts gone
     * and autoplay removed, controls are the only way to play.
     */
    @Test
    void audioAndVideoGetControls() {
        assertThat(clean("<video preload=\"auto\"></video>")).isEqualTo("<video preload=\"auto\" controls></video>");
        assertThat(clean("<audio></audio>")).isEqualTo("<audio controls></audio>");
    }

    /** The same cases through the undecorated sanitiser of {@code orrery parse --json}. */
    @Test
    void parseJsonLeavesOutThePublishingAttributes() {
        HtmlSanitizer undecorated = sanitizer.undecorated();
        assertThat(undecorated.sanitize(
                        "<img src=\"http://www.ragingplatypus.com/i/cam-full.jpg\" onabort=\"x\">", BASE))
                .isEqualTo("<img src=\"http://www.ragingplatypus.com/i/cam-full.jpg\">");
        assertThat(undecorated.sanitize("<a href=\"/\" rel=\"nofollow\" onclick=\"x\">x</a>", BASE))
                .isEqualTo("<a href=\"http://example.com/\" rel=\"nofollow\">x</a>");
        assertThat(undecorated.sanitize("<video preload=\"auto\" autoplay></video>", BASE))
                .isEqualTo("<video preload=\"auto\"></video>");
        assertThat(undecorated.sanitize("<a href=\"javascript:alert(1)\">x</a><script>x</script>", BASE))
                .isEqualTo("<a>x</a>");
    }

    /**
     * item_*_iframe: an iframe from a host not on the allow-list becomes a link to its source.
     * The text after {@code <iframe .../>} is the iframe's fallback content in HTML5 (the
     * {@code />} does not close it), which no browser shows either.
     */
    @Test
    void otherIframesBecomeLinks() {
        assertThat(clean("safe<iframe src=\"http://example.com/\"/> description"))
                .isEqualTo("safe<a href=\"http://example.com/\" rel=\"noopener noreferrer\">http://example.com/</a>");
    }

    /**
     * item_*_crazy: feedparser's expectation keeps a script's source as text; an HTML5 parser
     * sees a script element, and it goes with its content.
     */
    @Test
    void scriptSourceNeverLeaksAsText() {
        assertThat(clean("<h1>Title</h1><script\n\n>\nfunction executeMe() { alert(1) }\n</script\n\n><p>after</p>"))
                .isEqualTo("<h1>Title</h1><p>after</p>");
    }

    /** acceptable_element_br: HTML5 reads the end tag {@code </br>} as a second {@code <br>}, as browsers do. */
    @Test
    void endTagBrIsASecondBreak() {
        assertThat(clean("<br></br>")).isEqualTo("<br><br>");
    }

    /**
     * item_content_encoded_script_nested_cdata: a CDATA section inside HTML content stays as
     * visible, escaped text; nothing in it runs either way.
     */
    @Test
    void cdataInHtmlStaysEscapedText() {
        assertThat(clean("<![CDATA[<script></script>]]&gt;")).isEqualTo("&lt;script&gt;&lt;/script&gt;]]&amp;gt;");
    }

    /**
     * acceptable_attribute_{autofocus,contenteditable,form,id,name,ping}: focus stealing (the
     * page would jump to an entry), an editable page, controls joined to the planet's own
     * forms, DOM clobbering and id collisions between entries, click tracking.
     */
    @ParameterizedTest
    @ValueSource(strings = {"autofocus", "contenteditable", "form", "id", "name", "ping"})
    void dropsAttributesThatReachOutOfTheEntry(String attribute) {
        assertThat(clean("<span " + attribute + "=\"\"></span>")).isEqualTo("<span></span>");
    }

    /**
     * acceptable_element_{form,noscript}: no form may post from the planet's origin; noscript is
     * unwrapped (it is parsed differently with and without scripting: a parsing differential).
     */
    @Test
    void noFormsAndNoNoscript() {
        assertThat(clean("<form></form>")).isEmpty();
        assertThat(clean("<noscript><p>fallback</p></noscript>")).isEqualTo("<p>fallback</p>");
    }

    /**
     * acceptable_element_{caption,col,colgroup,tbody,td,tfoot,th,thead,tr}: outside a table the
     * HTML5 parser drops these tags, as browsers do (feedparser's own canonical form of the
     * expectation is empty too); {@code orrery parse --json} reports the body as {@code ""}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"<td></td>", "<tr></tr>", "<tbody></tbody>", "<caption></caption>", "<col>"})
    void tablePartsOutsideATableVanish(String html) {
        assertThat(clean(html)).isEmpty();
    }

    /**
     * namespace/{atom,rss2.0}mathml: feedparser keeps {@code xlink:href}, {@code xlink:show} and
     * {@code xlink:type} on a MathML {@code mrow}; we keep the equation without them: a link on
     * MathML is a scripting vector ({@code javascript:} in Firefox's MathML links) for no gain,
     * since Chromium renders MathML links as plain text. The SVG cases match feedparser.
     */
    @Test
    void noLinksOnMathml() {
        assertThat(clean(
                        "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mrow xlink:href=\"http://golem.ph.utexas.edu\""
                                + " xlink:show=\"replace\" xlink:type=\"simple\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                                + "<mi>a</mi><mo>+</mo><mi>b</mi></mrow></math>"))
                .isEqualTo(
                        "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow></math>");
    }

    /**
     * large_atom_feed_that_needs_css_sanitisation: feedparser drops a whole {@code style} when
     * one declaration fails its pattern (here {@code -webkit-border-horizontal-spacing}); we drop
     * that declaration and keep the safe ones, so the entry keeps its colours and fonts.
     */
    @Test
    void keepsTheSafeDeclarationsBesideAnUnknownOne() {
        assertThat(clean("<span style=\"color: rgb(38, 57, 77); font-family: Verdana; font-size: 12px;"
                        + " -webkit-border-horizontal-spacing: 1px; \">x</span>"))
                .isEqualTo("<span style=\"color: rgb(38, 57, 77); font-family: Verdana; font-size: 12px;\">x</span>");
    }

    /**
     * item_description_not_a_doctype, item_description_not_a_doctype2: feedparser's SGML parser
     * shows {@code <!'} and {@code <!DOCTYPE} as text; in HTML5, as in browsers, the first opens a
     * bogus comment up to the next {@code >} and the second is a doctype, ignored in a body.
     */
    @Test
    void markupDeclarationsAreNotText() {
        assertThat(clean("<!' <a href=\"foo\">")).isEmpty();
        assertThat(clean(" <!DOCTYPE ")).isEmpty();
    }

    /** xml_malicious_comment (a title): an HTML5 comment runs to "-->", so nothing after "sa" is text. */
    @Test
    void unclosedCommentHidesTheRest() {
        assertThat(HtmlSanitizer.plainText("sa<!-- -- nonwhitespace >fe<script>alert(1);</script>"))
                .isEqualTo("sa");
    }
}
