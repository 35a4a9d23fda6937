package org.orrery.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CssTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "color: red|color: red;",
                "COLOR:#008|COLOR: #008;",
                "font-family: 'Lucida Console', sans-serif|font-family: 'Lucida Console', sans-serif;",
                "border: 1px solid rgb(0, 0, 0)|border: 1px solid rgb(0, 0, 0);",
                "margin: 0 15px 0 0; padding-left: 4px|margin: 0 15px 0 0; padding-left: 4px;",
                "text-align: center; float: left; width: 300px|text-align: center; float: left; width: 300px;",
                "font: 12px/1.5 arial|font: 12px/1.5 arial;",
                "background-x: center; background-repeat: no-repeat|background-x: center;",
                "aspect-ratio: 16 / 9|aspect-ratio: 16 / 9;",
            })
    void keepsPresentationalDeclarations(String style, String expected) {
        assertThat(Css.filter(style)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "color: #eee !important|color: #eee;",
                "font-size: 8px!IMPORTANT; background: white ! important|font-size: 8px; background: white;",
                "max-width: 900px !important; width: 900px !important|max-width: 900px; width: 900px;",
            })
    void importantColoursFontsAndWidthsLoseTheirPrecedenceOverThePlanetsStyleSheet(String style, String expected) {
        assertThat(Css.filter(style)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // As feedparser keeps them (its sanitize tests style_border_none_important and
                // style_margin_0px_important): they cannot make a post unreadable.
                "border: none !important|border: none !important;",
                "margin: 0px !important|margin: 0px !important;",
                "border: medium none ;|border: medium none ;",
            })
    void otherDeclarationsKeepTheirImportanceAndSpacing(String style, String expected) {
        assertThat(Css.filter(style)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "width: expression(alert(1))",
                "width: e\\xpression(alert(1))",
                "width: expr/**/ession(alert(1))",
                "background: url(javascript:alert(1))",
                "background-image: url(x.png)",
                "list-style: url(x)",
                "behavior: url(x.htc)",
                "-moz-binding: url(x.xml#y)",
                "position: fixed",
                "z-index: 9999",
                "top: 0",
                "transform: translate(0, -100px)",
                "margin-top: -9999px",
                "margin: 99999em",
                "content: 'x'",
                "color: red\" onmouseover=\"alert(1)",
                "color: red</style><script>",
            })
    void dropsDeclarationsThatLoadRunOrEscape(String style) {
        assertThat(Css.filter(style)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "color: red; position: absolute; top: 0|color: red;",
                "background-color: #000; background-image: url(/x.jpg); background-repeat: no-repeat;|background-color: #000;",
            })
    void keepsTheSafeDeclarationsOfAMixedStyle(String style, String expected) {
        assertThat(Css.filter(style)).isEqualTo(expected);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void readsLongRunsMadeToFailSlowlyInLinearTime() {
        String longWords = ("color: " + "a".repeat(400) + "(; ").repeat(2_000);
        String manyGaps = "margin: " + "0 ".repeat(200_000) + "rgb(1)";
        String longWord = "color: " + "a".repeat(1_000_000) + "(";

        assertThat(Css.filter(longWords + "color: red")).isEqualTo("color: red;");
        assertThat(Css.filter(manyGaps + "; color: red")).isEqualTo("color: red;");
        assertThat(Css.filter(longWord + "; color: red")).isEqualTo("color: red;");
    }

    @Test
    void dropsAValueLongerThanAnyPresentationalOneNeeds() {
        assertThat(Css.filter("font-family: " + "a, ".repeat(200) + "serif")).isEmpty();
    }
}
