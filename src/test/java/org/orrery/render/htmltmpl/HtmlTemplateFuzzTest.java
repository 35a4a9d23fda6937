package org.orrery.render.htmltmpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.orrery.FuzzCorpus;

/**
 * Any template text compiles or is refused with a {@link TemplateSyntaxException}, and a compiled
 * template renders any variables without failing. Seeds: {@code src/test/resources/fuzz/htmltmpl/}.
 */
class HtmlTemplateFuzzTest {
    private static final Duration HANG = Duration.ofSeconds(10);
    private static final List<String> NAMES =
            List.of("name", "title", "link", "items", "inner", "content", "__FIRST__", "__PASS__", "Channels");
    private static final List<String> TOKENS = List.of(
            "<TMPL_VAR name>",
            "<TMPL_VAR NAME=\"title\" ESCAPE=\"HTML\">",
            "<TMPL_VAR link ESCAPE=URL>",
            "<TMPL_VAR>",
            "<TMPL_VAR ESCAPE=BOGUS x>",
            "<TMPL_IF items>",
            "<TMPL_IF>",
            "<TMPL_ELSE>",
            "</TMPL_IF>",
            "<TMPL_UNLESS __LAST__>",
            "</TMPL_UNLESS>",
            "<TMPL_LOOP items>",
            "<TMPL_LOOP inner>",
            "</TMPL_LOOP>",
            "<TMPL_INCLUDE \"head-links.tmpl\">",
            "<TMPL_INCLUDE name=\"self.tmpl\">",
            "<TMPL_INCLUDE>",
            "<!-- ",
            " -->",
            "<!-- TMPL_VAR title -->",
            "###",
            "\n###",
            "\n",
            "\"",
            "'",
            "=",
            "<",
            ">",
            "/",
            "--",
            "\u0000");
    private static final Map<String, String> SEEDS_BY_NAME = seedsByName();

    private static Map<String, String> seedsByName() {
        Map<String, String> seeds = new HashMap<>();
        var files = FuzzCorpus.files("htmltmpl");
        var texts = FuzzCorpus.texts("htmltmpl");
        for (int i = 0; i < files.size(); i++) {
            seeds.put(files.get(i).getFileName().toString(), texts.get(i));
        }
        return seeds;
    }

    @Provide
    Arbitrary<String> templates() {
        return FuzzCorpus.mutants(FuzzCorpus.texts("htmltmpl"), TOKENS);
    }

    @Provide
    Arbitrary<Map<String, Object>> variables() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.doubles().map(d -> (Object) d));
        Arbitrary<Object> inner = Arbitraries.maps(Arbitraries.of(NAMES), scalar)
                .ofMaxSize(4)
                .map(m -> (Object) m)
                .list()
                .ofMaxSize(3)
                .map(l -> (Object) l);
        Arbitrary<Object> element = Arbitraries.oneOf(
                scalar,
                Arbitraries.maps(Arbitraries.of(NAMES), Arbitraries.oneOf(scalar, inner))
                        .ofMaxSize(4)
                        .map(m -> (Object) m));
        Arbitrary<Object> value =
                Arbitraries.oneOf(scalar, inner, element.list().ofMaxSize(4).map(l -> (Object) l));
        return Arbitraries.maps(Arbitraries.of(NAMES), value).ofMaxSize(6).map(HashMap::new);
    }

    @Property
    void anyTemplateCompilesOrIsRefusedAndRendersAnyVariables(
            @ForAll("templates") String template, @ForAll("variables") Map<String, Object> variables) {
        assertTimeoutPreemptively(HANG, () -> {
            HtmlTemplate compiled;
            try {
                compiled = HtmlTemplate.compile("t.tmpl", template, name -> loader(name, template));
            } catch (TemplateSyntaxException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                return;
            }
            assertThat(compiled.render(variables)).isNotNull();
        });
    }

    @Property
    void escapedVariablesCannotOpenATag(@ForAll String value) throws TemplateSyntaxException {
        var template =
                HtmlTemplate.compile("t.tmpl", "<a title=\"<TMPL_VAR x ESCAPE=\"HTML\">\">", name -> Optional.empty());

        String out = template.render(Map.of("x", value));

        assertThat(out.substring(10, out.length() - 2)).doesNotContain("<", ">", "\"");
    }

    /** Includes name the seeds, or the template itself (an include loop). */
    private static Optional<String> loader(String name, String self) {
        return name.equals("self.tmpl") ? Optional.of(self) : Optional.ofNullable(SEEDS_BY_NAME.get(name));
    }
}
