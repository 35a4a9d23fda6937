package org.orrery.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Inline SVG and MathML: the presentational subset stays, everything that acts does not. */
class ForeignTest {
    private static final URI BASE = URI.create("https://blog.example.org/2017/09/post.html");
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    private String clean(String html) {
        return sanitizer.sanitize(html, BASE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<svg version=\"1.1\" baseProfile=\"full\" width=\"300px\" height=\"200px\" xmlns=\"http://www.w3.org/2000/svg\">"
                        + "<circle cx=\"150px\" cy=\"100px\" r=\"50px\" fill=\"#ff0000\" stroke=\"#000000\" stroke-width=\"5px\"></circle></svg>",
                "<svg viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\"><g transform=\"rotate(45 5 5)\" fill=\"none\"><path d=\"M1 1L9 9\"></path>"
                        + "<polygon points=\"1,1 2,2 1,2\"></polygon><polyline points=\"0,0 1,1\"></polyline>"
                        + "<line x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\"></line><rect width=\"2\" height=\"2\" rx=\"1\"></rect>"
                        + "<ellipse cx=\"5\" cy=\"5\" rx=\"2\" ry=\"1\"></ellipse></g></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><text x=\"1\" y=\"9\" font-family=\"serif\" text-anchor=\"start\">a <tspan dy=\"2\">b</tspan></text></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><defs><linearGradient gradientUnits=\"userSpaceOnUse\"><stop offset=\"0\" stop-color=\"red\"></stop>"
                        + "</linearGradient><radialGradient><stop offset=\"1\"></stop></radialGradient></defs></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>Chart</title><desc>A <abbr title=\"two\">2</abbr>-bar chart</desc></svg>",
                "<math display=\"block\" xmlns=\"http://www.w3.org/1998/Math/MathML\"><mrow><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mfrac><mn>1</mn><msqrt><mi>y</mi>"
                        + "</msqrt></mfrac></mrow></math>",
                "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mtable><mtr><mtd><mtext>a <b>b</b></mtext></mtd></mtr></mtable><mspace></mspace><msub><mi>a</mi>"
                        + "<mi>i</mi></msub></math>",
            })
    void keepsDrawingsAndEquations(String html) {
        assertThat(clean(html)).isEqualTo(html);
    }

    @Test
    void writesSvgNamesAsSvgSpellsThem() {
        assertThat(
                        clean(
                                "<svg VIEWBOX=\"0 0 1 1\" xmlns=\"http://www.w3.org/2000/svg\"><LINEARGRADIENT gradientunits=\"objectBoundingBox\"/><Rect/></svg>"))
                .isEqualTo(
                        "<svg viewBox=\"0 0 1 1\" xmlns=\"http://www.w3.org/2000/svg\"><linearGradient gradientUnits=\"objectBoundingBox\"></linearGradient>"
                                + "<rect></rect></svg>");
    }

    @Test
    void writesLinksAndNamespacesAsXmlReadersNeedThem() {
        assertThat(clean("<svg><a href=\"https://e.org/\" xlink:href=\"https://old.example/\"></a></svg><math></math>"))
                .isEqualTo("<svg xmlns=\"http://www.w3.org/2000/svg\"><a xlink:href=\"https://e.org/\""
                        + " xmlns:xlink=\"http://www.w3.org/1999/xlink\"></a></svg>"
                        + "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"></math>");
    }

    @Test
    void linksInDrawingsGoToWebPagesOnly() {
        assertThat(
                        clean(
                                "<svg xmlns=\"http://www.w3.org/2000/svg\"><a xlink:href=\"/about\"><text>x</text></a><a href=\"javascript:alert(1)\">y</a></svg>"))
                .isEqualTo(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><a xlink:href=\"https://blog.example.org/about\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><text>x</text></a><a>y</a></svg>");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<svg onload=alert(1)><circle r=1 onclick=alert(1) /></svg>|<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"1\"></circle></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><style>*{}</style></svg>|<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><p>x</p></foreignObject></svg>|<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><use href=\"https://e.org/s.svg#x\"/><image href=\"x.png\"/></svg>|<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><animate attributeName=href values=\"javascript:alert(1)\"/><set attributeName=x to=1/></svg>|<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><animateTransform/><animateMotion/><discard/><feImage/><filter/><pattern/></svg>|<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><metadata><rdf:RDF>licence</rdf:RDF></metadata></svg>|<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url(https://e.org/x.svg#p)\" stroke=\"u\\rl(x)\" width=\"1\"/></svg>|<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\"></rect></svg>",
                "<svg id=config style=\"fill:red\" transform=\"scale(50)\" xml:base=\"javascript:/\"></svg>|<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
                "<svg xmlns=\"http://evil.example/\" xmlns:xlink=\"x\"></svg>|<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
                "<math href=\"https://e.org/\" xlink:href=\"https://e.org/\">x</math>|<math xmlns=\"http://www.w3.org/1998/Math/MathML\">x</math>",
                "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><maction actiontype=\"statusline\"><mi>x</mi><mtext>y</mtext></maction></math>|<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>x</mi><mtext>y</mtext></math>",
                "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mpadded voffset=\"-999px\"><mi>x</mi></mpadded></math>|<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>x</mi></math>",
                "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><semantics><mi>x</mi><annotation encoding=\"TeX\">x</annotation></semantics></math>|<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><semantics><mi>x</mi></semantics></math>",
                "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><annotation-xml encoding=\"text/html\"><p>x</p></annotation-xml></math>|<math xmlns=\"http://www.w3.org/1998/Math/MathML\"></math>",
                "<math mathsize=\"99999px\" mathcolor=\"red\" xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>x</mi></math>|<math mathcolor=\"red\" xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>x</mi></math>",
            })
    void removesWhatActsOrLoads(String html, String expected) {
        assertThat(clean(html)).isEqualTo(expected);
    }

    @Test
    void htmlInDrawingsIsSanitisedAsHtml() {
        assertThat(clean("<svg xmlns=\"http://www.w3.org/2000/svg\"><desc><img src=x onerror=alert(1)></desc></svg>"))
                .isEqualTo(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><desc><img src=\"https://blog.example.org/2017/09/x\" loading=\"lazy\"></desc></svg>");
        assertThat(
                        clean(
                                "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mtext><table><mglyph><style><img src onerror=alert(1)>"))
                .isEqualTo(
                        "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mtext><table tabindex=\"0\"></table></mtext></math>");
    }

    @Test
    void markupAParserKeepsInsideADrawingButABrowserWouldNotIsLeftOut() {
        assertThat(
                        clean(
                                "<svg xmlns=\"http://www.w3.org/2000/svg\"></p><style><a title=\"</style><img src onerror=alert(1)>\">"))
                .isEqualTo("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>");
        assertThat(
                        clean(
                                "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mrow><svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg></mrow></math>"))
                .isEqualTo("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mrow></mrow></math>");
    }

    @Test
    void cdataInADrawingIsText() {
        assertThat(clean("<svg xmlns=\"http://www.w3.org/2000/svg\"><![CDATA[<img src=x onerror=alert(1)>]]></svg>"))
                .isEqualTo("<svg xmlns=\"http://www.w3.org/2000/svg\">&lt;img src=x onerror=alert(1)&gt;</svg>");
    }
}
