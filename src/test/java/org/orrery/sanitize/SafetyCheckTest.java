package org.orrery.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checker the corpus and property tests rely on does catch what it looks for. */
class SafetyCheckTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "<img src=x onerror=alert(1)>",
                "<script>alert(1)</script>",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
                "<img srcset=\"https://e.org/a 1x, javascript:alert(1) 2x\">",
                "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>",
                "<svg><script>alert(1)</script></svg>",
                "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
                "<svg><set attributeName=\"href\" to=\"javascript:alert(1)\"></set></svg>",
                "<svg><foreignObject><p>x</p></foreignObject></svg>",
                "<svg transform=\"scale(100)\"></svg>",
                "<svg><rect fill=\"url(https://e.org/x.svg#p)\"></rect></svg>",
                "<math href=\"https://e.org/\">x</math>",
                "<math><maction actiontype=\"toggle\"><mi>x</mi></maction></math>",
                "<div style=\"width:expression(alert(1))\">x</div>",
                "<div style=\"position:fixed\">x</div>",
                "<img src=\"data:image/svg+xml,x\">",
                "<form action=\"https://e.org/\"></form>",
            })
    void flagsUnsafeHtml(String html) {
        assertThat(SafetyCheck.violations(html)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<p>plain <b>text</b> with alert(1) in it</p>",
                "<a href=\"https://e.org/\" rel=\"noopener noreferrer\">x</a>",
                "<img src=\"data:image/png;base64,iVBORw0KGgo=\">",
                "<span style=\"color: red;\">x</span>",
                "<svg viewBox=\"0 0 2 2\"><title>t</title><a href=\"https://e.org/\"><circle r=\"1\"></circle></a></svg>",
                "<math><mfrac><mi>a</mi><mn>2</mn></mfrac></math>",
            })
    void passesSafeHtml(String html) {
        assertThat(SafetyCheck.violations(html)).isEmpty();
    }
}
