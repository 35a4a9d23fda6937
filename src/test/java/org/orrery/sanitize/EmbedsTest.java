package org.orrery.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbedsTest {
    private static final URI BASE = URI.create("https://blog.example.org/2017/09/post.html");
    private static final String PLAYER_ATTRIBUTES =
            " sandbox=\"allow-scripts allow-same-origin allow-popups allow-presentation\""
                    + " loading=\"lazy\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>";
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://www.youtube.com/embed/dQw4w9WgXcQ",
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
                "https://player.vimeo.com/video/76979871",
            })
    void keepsPlayersFromAllowedHostsSandboxed(String src) {
        assertThat(sanitizer.sanitize(
                        "<iframe width=\"560\" height=\"315\" src=\"" + src + "\" frameborder=\"0\" allow=\"autoplay\""
                                + " allowfullscreen onload=\"alert(1)\" srcdoc=\"<script>alert(1)</script>\"></iframe>",
                        BASE))
                .isEqualTo("<iframe src=\"" + src + "\" width=\"560\" height=\"315\""
                        + " style=\"aspect-ratio: 560 / 315; height: auto;\" allowfullscreen" + PLAYER_ATTRIBUTES);
    }

    @Test
    void playersKeepTheirProportionsOnlyWhenBothSidesArePixels() {
        assertThat(sanitizer.sanitize(
                        "<iframe src=\"https://w.soundcloud.com/player/\" width=\"100%\" height=\"166\"></iframe>",
                        BASE))
                .isEqualTo("<iframe src=\"https://w.soundcloud.com/player/\" width=\"100%\" height=\"166\""
                        + PLAYER_ATTRIBUTES);
        assertThat(sanitizer.sanitize(
                        "<iframe src=\"https://player.vimeo.com/video/1\" width=\"640\" height=\"0\""
                                + " style=\"position: fixed\"></iframe>",
                        BASE))
                .isEqualTo("<iframe src=\"https://player.vimeo.com/video/1\" width=\"640\" height=\"0\""
                        + PLAYER_ATTRIBUTES);
    }

    @Test
    void upgradesPlayersToHttpsAndPromotesLazySources() {
        assertThat(sanitizer.sanitize(
                        "<iframe data-src=\"//www.youtube.com/embed/x\" src=\"about:blank\"></iframe>", BASE))
                .isEqualTo("<iframe src=\"https://www.youtube.com/embed/x\"" + PLAYER_ATTRIBUTES);
        assertThat(sanitizer.sanitize("<iframe src=\"http://player.vimeo.com/video/1\"></iframe>", BASE))
                .isEqualTo("<iframe src=\"https://player.vimeo.com/video/1\"" + PLAYER_ATTRIBUTES);
    }

    @Test
    void turnsOtherIframesIntoLinks() {
        assertThat(sanitizer.sanitize("<iframe src=\"/demo.html\" title=\"Live demo\">fallback</iframe>", BASE))
                .isEqualTo("<a href=\"https://blog.example.org/demo.html\" rel=\"noopener noreferrer\">Live demo</a>");
        assertThat(sanitizer.sanitize("<iframe src=\"https://evil.example/\"></iframe>", BASE))
                .isEqualTo("<a href=\"https://evil.example/\" rel=\"noopener noreferrer\">https://evil.example/</a>");
        assertThat(sanitizer.sanitize("<iframe src=\"https://youtube.com.evil.example/embed/x\"></iframe>", BASE))
                .startsWith("<a ");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>",
            })
    void removesIframesWithoutAWebSource(String html) {
        assertThat(sanitizer.sanitize("a" + html + "b", BASE)).isEqualTo("ab");
    }

    @Test
    void aPlanetAddsHostsWithItsIframeHostsOption() {
        var planet = new HtmlSanitizer(List.of("Tube.Example.org"));
        assertThat(planet.sanitize("<iframe src=\"https://tube.example.org/videos/embed/1\"></iframe>", BASE))
                .isEqualTo("<iframe src=\"https://tube.example.org/videos/embed/1\"" + PLAYER_ATTRIBUTES);
    }
}
