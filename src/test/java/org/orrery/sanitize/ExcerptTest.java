package org.orrery.sanitize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ExcerptTest {
    @Test
    void leavesShortHtmlAlone() {
        assertThat(HtmlSanitizer.excerpt("<p>Hello <b>world</b></p>", 20)).isEqualTo("<p>Hello <b>world</b></p>");
    }

    @Test
    void cutsAfterAWholeWordAndClosesEveryElement() {
        assertThat(HtmlSanitizer.excerpt("<div><p>The quick <b>brown fox</b> jumps</p><p>over</p></div>", 13))
                .isEqualTo("<div><p>The quick…</p></div>");
        assertThat(HtmlSanitizer.excerpt("<p>The quick brown fox</p>", 12)).isEqualTo("<p>The quick…</p>");
    }

    @Test
    void countsCharactersNotMarkupAndWhitespaceRunsOnce() {
        assertThat(HtmlSanitizer.excerpt("<p>a    b</p><p>c d</p>", 3)).isEqualTo("<p>a    b…</p>");
    }

    @Test
    void cutsInsideAWordLongerThanTheLimit() {
        assertThat(HtmlSanitizer.excerpt("<p>Donaudampfschifffahrt</p>", 5)).isEqualTo("<p>Donau…</p>");
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        assertThat(HtmlSanitizer.excerpt("<p>😀😀 😀😀</p>", 2)).isEqualTo("<p>😀😀…</p>");
    }

    @Test
    void leavesOutElementsNamedInOmit() {
        assertThat(HtmlSanitizer.excerpt(
                        "<p><img src=\"https://e.org/a.png\">Text <i>here</i></p>", 100, Set.of("img", "i")))
                .isEqualTo("<p>Text </p>");
    }

    @Test
    void keepsEntitiesEscaped() {
        assertThat(HtmlSanitizer.excerpt("<p>a &lt;b&gt; &amp; c d e</p>", 7)).isEqualTo("<p>a &lt;b&gt; &amp;…</p>");
    }

    @Test
    void rejectsNegativeLengths() {
        assertThatThrownBy(() -> HtmlSanitizer.excerpt("x", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
