package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The characters XML 1.0 forbids never reach the planet's own feeds. */
class XmlSafeTest {
    @Test
    void keepsEveryCharacterXmlAllows() {
        String allowed = "tab\there\nnew\rline café 日本 😀 \uE000\uFFFD";
        assertThat(XmlSafe.clean(allowed)).isSameAs(allowed);
    }

    @Test
    void removesControlsNoncharactersAndUnpairedSurrogates() {
        assertThat(XmlSafe.clean("a\u0000b\u0001c\u001Fd")).isEqualTo("abcd");
        assertThat(XmlSafe.clean("x\uFFFEy\uFFFFz")).isEqualTo("xyz");
        assertThat(XmlSafe.clean("lone \uD83D high, lone \uDE00 low, pair 😀"))
                .isEqualTo("lone  high, lone  low, pair 😀");
        assertThat(XmlSafe.clean("ends high \uD83D")).isEqualTo("ends high ");
    }

    @Test
    void cleansEveryStringOfAModel() {
        Map<String, Object> model = Map.of("title", "a\u0007b", "items", List.of(Map.of("content", "\u0002<p>x</p>")));
        assertThat(XmlSafe.cleanAll(model))
                .isEqualTo(Map.of("title", "ab", "items", List.of(Map.of("content", "<p>x</p>"))));
    }
}
