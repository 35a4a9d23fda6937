package org.orrery.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector of the XSS corpus, sanitised, is harmless once a browser-grade parser reads it. */
class XssCorpusTest {
    private static final URI BASE = URI.create("https://blog.example.org/2017/09/post.html");
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    static List<XssVectors.Vector> vectors() {
        return XssVectors.all();
    }

    @Test
    void theCorpusIsLarge() {
        assertThat(vectors()).hasSizeGreaterThan(300);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void sanitisedVectorHasNothingExecutable(XssVectors.Vector vector) {
        String out = sanitizer.sanitize(vector.html(), BASE);
        assertThat(SafetyCheck.violations(out)).as(out).isEmpty();
    }

    /** Without a web base relative URLs stay relative; nothing else may get through. */
    @ParameterizedTest
    @MethodSource("vectors")
    void sanitisedWithoutAWebBaseVectorHasNothingExecutable(XssVectors.Vector vector) {
        String out = sanitizer.sanitize(vector.html(), URI.create("file:///home/me/feed.xml"));
        assertThat(SafetyCheck.violations(out, true)).as(out).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void sanitisedVectorParsesBackToTheSameTree(XssVectors.Vector vector) {
        String out = sanitizer.sanitize(vector.html(), BASE);
        Document again = Jsoup.parseBodyFragment(out);
        again.outputSettings().prettyPrint(false);
        assertThat(again.body().html().strip()).isEqualTo(out);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void sanitisingTwiceChangesNothing(XssVectors.Vector vector) {
        String once = sanitizer.sanitize(vector.html(), BASE);
        assertThat(sanitizer.sanitize(once, BASE)).isEqualTo(once);
    }
}
