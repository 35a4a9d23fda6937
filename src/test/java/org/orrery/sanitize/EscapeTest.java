package org.orrery.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

/** Text made into HTML that shows it unchanged, and XML that can always be read. */
class EscapeTest {
    private static final String TRICKY = "a&b<c>d\"e'f\u00a0g\u0001h\ti\n\u00e9\u2026😀";

    @Test
    void textEscapesOnlyWhatMarkupReads() {
        assertThat(Escape.text(TRICKY)).isEqualTo("a&amp;b&lt;c&gt;d\"e'f\u00a0g\u0001h\ti\n\u00e9\u2026😀");
        assertThat(Escape.text("if (a < b && c > d)")).isEqualTo("if (a &lt; b &amp;&amp; c &gt; d)");
    }

    @Test
    void attributeEscapesDoubleQuotesToo() {
        assertThat(Escape.attribute(TRICKY)).isEqualTo("a&amp;b&lt;c&gt;d&quot;e'f\u00a0g\u0001h\ti\n\u00e9\u2026😀");
        assertThat(Escape.attribute("<b title=\"x\">")).isEqualTo("&lt;b title=&quot;x&quot;&gt;");
    }

    @Test
    void jsoupVariantsAlsoWriteNoBreakSpacesControlsAndLoneSurrogatesAsReferences() {
        var out = new StringBuilder();
        Escape.jsoupText(out, TRICKY + "\uD800");
        assertThat(out).hasToString("a&amp;b&lt;c&gt;d\"e'f&nbsp;g&#x1;h\ti\n\u00e9\u2026😀&#xd800;");
        out.setLength(0);
        Escape.jsoupAttribute(out, TRICKY);
        assertThat(out).hasToString("a&amp;b&lt;c&gt;d&quot;e'f&nbsp;g&#x1;h\ti\n\u00e9\u2026😀");
        assertThat(Escape.jsoupAnywhere(TRICKY))
                .isEqualTo("a&amp;b&lt;c&gt;d&quot;e&apos;f&nbsp;g&#x1;h\ti\n\u00e9\u2026😀");
    }

    @Test
    void textWithNothingToEscapeIsKeptAsItIs() {
        String plain = "Hello, world: café 日本 😀";
        assertThat(Escape.text(plain)).isEqualTo(plain);
        assertThat(Escape.attribute(plain)).isEqualTo(plain);
        assertThat(Escape.jsoupAnywhere(plain)).isEqualTo(plain);
        assertThat(Escape.xmlLegal(plain)).isSameAs(plain);
    }

    @Test
    void xmlLegalKeepsEveryCharacterXmlAllows() {
        String allowed = "tab\there\nnew\rline café 日本 😀 \uE000\uFFFD";
        assertThat(Escape.xmlLegal(allowed)).isSameAs(allowed);
    }

    @Test
    void xmlLegalRemovesControlsNoncharactersAndUnpairedSurrogates() {
        assertThat(Escape.xmlLegal("a\u0000b\u0001c\u001Fd")).isEqualTo("abcd");
        assertThat(Escape.xmlLegal("x\uFFFEy\uFFFFz")).isEqualTo("xyz");
        assertThat(Escape.xmlLegal("lone \uD83D high, lone \uDE00 low, pair 😀"))
                .isEqualTo("lone  high, lone  low, pair 😀");
        assertThat(Escape.xmlLegal("ends high \uD83D")).isEqualTo("ends high ");
    }

    @Property
    void jsoupVariantsWriteWhatJsoupWrites(@ForAll("awkwardText") String s) {
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        Element p = doc.body().appendElement("p").attr("title", s).appendText(s);
        var expected = new StringBuilder("<p title=\"");
        Escape.jsoupAttribute(expected, s);
        expected.append("\">");
        Escape.jsoupText(expected, s);
        assertThat(p.outerHtml()).isEqualTo(expected.append("</p>").toString());
        assertThat(Escape.jsoupAnywhere(s)).isEqualTo(Entities.escape(s));
    }

    @Provide
    Arbitrary<String> awkwardText() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.of('&', '<', '>', '"', '\'', '\u00a0', '\t', '\n', '\r', ' ', 'a'),
                Arbitraries.chars().range('\u0000', '\u00ff'),
                Arbitraries.chars().range('\uD7F0', '\uE010'),
                Arbitraries.chars().range('\uFFF0', '\uFFFF'));
        return chars.list().ofMaxSize(24).map(list -> {
            var sb = new StringBuilder();
            list.forEach(sb::append);
            return sb.toString();
        });
    }
}
