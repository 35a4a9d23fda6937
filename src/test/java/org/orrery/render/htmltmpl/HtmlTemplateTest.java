package org.orrery.render.htmltmpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The htmltmpl language as its documentation describes it, one behaviour per test. */
class HtmlTemplateTest {
    private static final HtmlTemplate.Loader NO_INCLUDES = name -> Optional.empty();

    private static String render(String template, Map<String, ?> variables) throws TemplateSyntaxException {
        return HtmlTemplate.compile("t.tmpl", template, NO_INCLUDES).render(variables);
    }

    @Test
    void markupIsPrintedAsItIsByDefaultAsPlanetConfiguresIt() throws Exception {
        assertThat(render("<p><TMPL_VAR content></p>", Map.of("content", new Markup("<b>bold</b> &amp; co"))))
                .isEqualTo("<p><b>bold</b> &amp; co</p>");
    }

    @Test
    void textIsAlwaysEscapedSoAFeedsMarkupNeverBecomesTheThemes() throws Exception {
        var vars = Map.of("title", "1 < 2 <script>alert(1)</script>");
        assertThat(render("<h4><TMPL_VAR title></h4>", vars))
                .isEqualTo("<h4>1 &lt; 2 &lt;script&gt;alert(1)&lt;/script&gt;</h4>");
        assertThat(render("<h4><TMPL_VAR title ESCAPE=\"HTML\"></h4>", vars))
                .isEqualTo("<h4>1 &lt; 2 &lt;script&gt;alert(1)&lt;/script&gt;</h4>");
    }

    @Test
    void escapingMarkupEscapesItOnceMoreAsHtmltmplDoes() throws Exception {
        var vars = Map.of("title", Markup.ofText("1 < 2"));
        assertThat(render("<title><TMPL_VAR title ESCAPE=\"HTML\"></title>", vars))
                .isEqualTo("<title>1 &amp;lt; 2</title>");
        assertThat(render("<title><TMPL_VAR title></title>", vars)).isEqualTo("<title>1 &lt; 2</title>");
    }

    @Test
    void escapeHtmlAndUrl() throws Exception {
        var vars = Map.of("name", "Tom & \"Jerry\" <3");
        assertThat(render("<TMPL_VAR name ESCAPE=\"HTML\">", vars)).isEqualTo("Tom &amp; &quot;Jerry&quot; &lt;3");
        assertThat(render("<TMPL_VAR NAME=\"name\" ESCAPE=\"URL\">", vars)).isEqualTo("Tom+%26+%22Jerry%22+%3C3");
        assertThat(render("<tmpl_var name escape=html>", vars)).isEqualTo("Tom &amp; &quot;Jerry&quot; &lt;3");
    }

    @Test
    void missingVariablePrintsNothing() throws Exception {
        assertThat(render("[<TMPL_VAR nothing>]", Map.of())).isEqualTo("[]");
    }

    @Test
    void ifAndElseFollowPythonTruth() throws Exception {
        String template = "<TMPL_IF x>yes<TMPL_ELSE>no</TMPL_IF>";
        assertThat(render(template, Map.of("x", "text"))).isEqualTo("yes");
        assertThat(render(template, Map.of("x", ""))).isEqualTo("no");
        assertThat(render(template, Map.of("x", 0))).isEqualTo("no");
        assertThat(render(template, Map.of("x", List.of()))).isEqualTo("no");
        assertThat(render(template, Map.of("x", List.of(Map.of())))).isEqualTo("yes");
        assertThat(render(template, Map.of())).isEqualTo("no");
    }

    @Test
    void unlessIsTheNegationOfIf() throws Exception {
        String template = "<TMPL_UNLESS x>empty<TMPL_ELSE>full</TMPL_UNLESS>";
        assertThat(render(template, Map.of("x", "a"))).isEqualTo("full");
        assertThat(render(template, Map.of())).isEqualTo("empty");
    }

    @Test
    void loopRendersItsBodyPerElementWithPassVariables() throws Exception {
        String template = "<TMPL_LOOP Items><TMPL_IF __FIRST__>[</TMPL_IF><TMPL_VAR title><TMPL_IF __INNER__>,"
                + "</TMPL_IF><TMPL_IF __LAST__>]<TMPL_VAR __PASS__>/<TMPL_VAR __PASSTOTAL__></TMPL_IF></TMPL_LOOP>";
        var items = List.of(Map.of("title", "a"), Map.of("title", "b"), Map.of("title", "c"));
        assertThat(render(template, Map.of("Items", items))).isEqualTo("[ab,c]3/3");
    }

    @Test
    void loopElementsSeeOnlyTheirOwnVariablesAsInVenusAndPlanet2() throws Exception {
        // Both ran htmltmpl without global lookup: an entry without an author shows none, not
        // the planet's owner (the top-level author).
        String template = "<TMPL_LOOP Items><TMPL_VAR title>@<TMPL_VAR author>"
                + "<TMPL_IF author>!</TMPL_IF><TMPL_UNLESS author>?</TMPL_UNLESS> </TMPL_LOOP>";
        var vars = Map.of(
                "author", "Owner", "Items", List.of(Map.of("title", "a"), Map.of("title", "b", "author", "Bea")));
        assertThat(render(template, vars)).isEqualTo("a@? b@Bea! ");
    }

    @Test
    void globalLooksOutwardForAPlainValueOnly() throws Exception {
        String template = "<TMPL_LOOP Items><TMPL_VAR name GLOBAL=\"1\">/<TMPL_VAR name GLOBAL=\"0\">"
                + "<TMPL_IF Items GLOBAL=\"1\">loop</TMPL_IF><TMPL_IF name GLOBAL=\"1\">:</TMPL_IF> </TMPL_LOOP>";
        var vars =
                Map.of("name", "Planet", "Items", List.of(Map.of("title", "a"), Map.of("title", "b", "name", "inner")));
        assertThat(render(template, vars)).isEqualTo("Planet/: inner/inner: ");
    }

    @Test
    void nestedLoopsAndConditions() throws Exception {
        String template = "<TMPL_LOOP days><TMPL_VAR day>:<TMPL_LOOP posts><TMPL_UNLESS __FIRST__>,</TMPL_UNLESS>"
                + "<TMPL_VAR t></TMPL_LOOP>;</TMPL_LOOP>";
        var vars = Map.of(
                "days",
                List.of(
                        Map.of("day", "1", "posts", List.of(Map.of("t", "x"), Map.of("t", "y"))),
                        Map.of("day", "2", "posts", List.of(Map.of("t", "z")))));
        assertThat(render(template, vars)).isEqualTo("1:x,y;2:z;");
    }

    @Test
    void commentLinesStartingWithThreeHashesDisappear() throws Exception {
        assertThat(render("### Planet HTML template.\n<p>\n### another\nx</p>\n", Map.of()))
                .isEqualTo("<p>\nx</p>\n");
    }

    @Test
    void htmlCommentFormOfTagsWorksToo() throws Exception {
        assertThat(render("<!-- TMPL_VAR name -->|<!-- TMPL_IF name -->y<!-- /TMPL_IF -->", Map.of("name", "n")))
                .isEqualTo("n|y");
    }

    @Test
    void includeInsertsAnotherTemplate() throws Exception {
        HtmlTemplate.Loader loader = name ->
                name.equals("header.tmpl") ? Optional.of("<h1><TMPL_VAR name ESCAPE=\"HTML\"></h1>") : Optional.empty();
        var template = HtmlTemplate.compile("index.html.tmpl", "<TMPL_INCLUDE header.tmpl><p>body</p>", loader);
        assertThat(template.render(Map.of("name", "A & B"))).isEqualTo("<h1>A &amp; B</h1><p>body</p>");
    }

    @Test
    void includeLoopsAreStopped() {
        HtmlTemplate.Loader loader = name -> Optional.of("<TMPL_INCLUDE self.tmpl>");
        assertThatThrownBy(() -> HtmlTemplate.compile("self.tmpl", "<TMPL_INCLUDE self.tmpl>", loader))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageContaining("nested deeper");
    }

    @Test
    void missingIncludeIsAnErrorNamingTheTemplate() {
        assertThatThrownBy(() -> render("a\n<TMPL_INCLUDE NAME=\"gone.tmpl\">", Map.of()))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessage("t.tmpl:2: included template not found: gone.tmpl");
    }

    @Test
    void unclosedAndMismatchedBlocksAreErrors() {
        assertThatThrownBy(() -> render("<TMPL_IF a>x", Map.of()))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageContaining("<TMPL_IF a> is never closed");
        assertThatThrownBy(() -> render("<TMPL_LOOP a>x</TMPL_IF>", Map.of()))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageContaining("</TMPL_IF> closes <TMPL_LOOP a>");
        assertThatThrownBy(() -> render("<TMPL_ELSE>", Map.of()))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageContaining("<TMPL_ELSE> outside");
    }
}
