package org.orrery.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.orrery.FuzzCorpus;

/**
 * Any text is read as a config or refused with a {@link ConfigException} that says where; and
 * what a writer following ConfigParser's rules writes reads back exactly. Seeds: {@code
 * src/test/resources/fuzz/ini/}.
 */
class IniFileFuzzTest {
    private static final List<String> TOKENS = List.of(
            "[",
            "]",
            "[DEFAULT]",
            "[Planet]",
            "=",
            ":",
            " = ",
            "%",
            "%%",
            "%(",
            ")s",
            "%(name)s",
            "%(__name__)s",
            "%(missing)s",
            "%(self)s",
            "\n",
            "\r\n",
            "\r",
            "\n  ",
            "\n\t",
            "#",
            ";",
            " ;",
            "\"\"",
            "\uFEFF",
            "\u0000",
            "\u2028",
            "é",
            "name",
            "DEFAULT",
            "  ",
            "\t");

    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("ini-fuzz");
    }

    @AfterContainer
    static void removeDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Provide
    Arbitrary<String> configs() {
        return FuzzCorpus.mutants(FuzzCorpus.texts("ini"), TOKENS);
    }

    @Property
    void anyTextIsReadOrRefusedWithWhere(@ForAll("configs") String text) {
        try {
            IniFile ini = IniFile.parse("config.ini", text);
            for (String section : ini.sections()) {
                ini.items(section);
            }
        } catch (ConfigException refused) {
            assertThat(refused.getMessage()).startsWith("config.ini:");
        }
    }

    @Property
    void anyConfigFileLoadsOrIsRefusedWithAConfigException(@ForAll("configs") String text) throws IOException {
        Path file = dir.resolve("config.ini");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        try {
            ConfigLoader.load(List.of(file), dir);
        } catch (ConfigException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    /** A section: its name and options, keys lower-case, values as a program meant them. */
    record Section(String name, Map<String, String> options) {}

    @Provide
    Arbitrary<List<Section>> sections() {
        Arbitrary<String> name = Arbitraries.strings()
                .withChars("abcXYZ019 _-./:?&=%#;éü日")
                .withCharRange('!', '~')
                .ofMinLength(1)
                .ofMaxLength(30)
                .map(String::strip)
                .filter(n -> !n.isEmpty() && !n.contains("]") && !n.equals("DEFAULT"));
        Arbitrary<String> key = Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz_0123456789-.")
                .ofMinLength(1)
                .ofMaxLength(12);
        Arbitrary<String> line = Arbitraries.strings()
                .withChars("abc XYZ 019 %()s=:#;[]\"'\\é日\t")
                .ofMaxLength(30)
                .map(String::strip)
                .filter(v -> !v.contains(" ;") && !v.contains("\t;") && !v.equals("\"\""));
        // A continuation line starting with '#' or ';' is a comment, and an empty one ends nothing.
        Arbitrary<String> continuation = line.filter(v -> !v.isEmpty() && !v.startsWith("#") && !v.startsWith(";"));
        Arbitrary<String> value = Combinators.combine(line, continuation.list().ofMaxSize(2))
                .as((first, more) -> more.isEmpty() ? first : first + "\n" + String.join("\n", more));
        Arbitrary<Map<String, String>> options =
                Arbitraries.maps(key, value).ofMaxSize(5).map(LinkedHashMap::new);
        return Combinators.combine(name, options)
                .as(Section::new)
                .list()
                .ofMaxSize(5)
                .uniqueElements(Section::name);
    }

    @Property
    void whatAConfigParserWriterWritesReadsBackExactly(@ForAll("sections") List<Section> sections)
            throws ConfigException {
        StringBuilder text = new StringBuilder();
        for (Section s : sections) {
            text.append('[').append(s.name()).append("]\n");
            s.options()
                    .forEach((k, v) ->
                            text.append(k).append(" = ").append(written(v)).append('\n'));
            text.append('\n');
        }

        IniFile ini = IniFile.parse("config.ini", text.toString());

        assertThat(ini.sections())
                .as(text.toString())
                .containsExactlyElementsOf(sections.stream().map(Section::name).toList());
        for (Section s : sections) {
            assertThat(ini.items(s.name())).as(text.toString()).isEqualTo(s.options());
        }
    }

    /** A value as ConfigParser wants it written: indented continuation lines; in a value holding {@code %(} every {@code %} doubled. */
    private static String written(String value) {
        String v = value.contains("%(") ? value.replace("%", "%%") : value;
        return v.replace("\n", "\n  ");
    }
}
