package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The characters XML 1.0 forbids never reach the planet's own feeds. */
class XmlSafeTest {
    @Test
    void cleansEveryStringOfAModel() {
        Map<String, Object> model = Map.of("title", "a\u0007b", "items", List.of(Map.of("content", "\u0002<p>x</p>")));
        assertThat(XmlSafe.cleanAll(model))
                .isEqualTo(Map.of("title", "ab", "items", List.of(Map.of("content", "<p>x</p>"))));
    }

    @Test
    void leavesTheModelItCleansAsItWas() {
        Map<String, Object> model = Map.of("title", "ok", "items", List.of(Map.of("content", "\u0002x"), Map.of()));
        XmlSafe.cleanAll(model);
        assertThat(model).isEqualTo(Map.of("title", "ok", "items", List.of(Map.of("content", "\u0002x"), Map.of())));
    }

    @Test
    void copiesNothingWhenNothingNeedsCleaning() {
        Map<String, Object> model = Map.of("title", "ok", "items", List.of(Map.of("content", "<p>x</p>")));
        assertThat(XmlSafe.cleanAll(model)).isSameAs(model);
    }
}
