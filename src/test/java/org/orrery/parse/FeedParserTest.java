package org.orrery.parse;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FeedParserTest {
    static final Path CASES = Path.of("src/test/resources/parse/cases");

    private final FeedParser parser = new FeedParser();

    /**
     * Each {@code cases/NAME.xml} (or {@code NAME.json}) parsed as if fetched from
     * https://example.org/feeds/NAME.xml, beside its {@code NAME.expected.txt}.
     */
    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".xml") || n.endsWith(".json"))
                    .sorted()
                    .toList();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsCaseAsItsGoldenSays(String file) throws IOException {
        String name = file.substring(0, file.lastIndexOf('.'));
        byte[] document = Files.readAllBytes(CASES.resolve(file));
        String expected = Files.readString(CASES.resolve(name + ".expected.txt"), UTF_8);
        String actual;
        try {
            actual = Golden.render(
                    parser.parse(document, URI.create("https://example.org/feeds/" + file), Optional.empty()));
        } catch (FeedParseException e) {
            actual = Golden.renderError(e);
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void readsMalformedXmlLenientlyWarningWithThePosition() throws FeedParseException {
        byte[] document = "<rss version=\"2.0\"><channel><title>x</channel></rss>".getBytes(UTF_8);
        ParsedFeed feed = parser.parse(document, URI.create("https://example.org/f"), Optional.empty());
        assertThat(feed.title()).contains("x");
        assertThat(feed.warnings())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("not well-formed XML at line 1, column ")
                .endsWith(": Unexpected close tag </channel>; expected </title>.; read leniently");
    }

    @Test
    void rejectsADocumentWithoutAnyElement() {
        byte[] document = "just some words & no markup".getBytes(UTF_8);
        assertThatThrownBy(() -> parser.parse(document, URI.create("https://example.org/f"), Optional.empty()))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("not well-formed XML");
    }

    @Test
    void rejectsPathologicallyDeepNesting() {
        byte[] document = ("<rss version=\"2.0\"><channel>" + "<x>".repeat(100_000)).getBytes(UTF_8);
        assertThatThrownBy(() -> parser.parse(document, URI.create("https://example.org/f"), Optional.empty()))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("Maximum Element Depth");
    }

    @Test
    void refusesADocumentOverTheSizeLimit() {
        byte[] document = new byte[FeedParser.MAX_DOCUMENT_BYTES + 1];
        assertThatThrownBy(() -> parser.parse(document, URI.create("https://example.org/f"), Optional.empty()))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("over the limit");
    }

    @Test
    void neverFailsOnArbitraryBytes() {
        var random = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] document = new byte[random.nextInt(400)];
            random.nextBytes(document);
            byte[] feed =
                    ("<rss version=\"2.0\"><channel><title>" + new String(document, ISO_8859_1)).getBytes(ISO_8859_1);
            try {
                parser.parse(feed, URI.create("https://example.org/f"), Optional.empty());
            } catch (FeedParseException expected) {
                // Unreadable is a fine answer; anything but this exception is a bug.
            }
        }
    }

    @Test
    void rejectsAnEmptyDocument() {
        assertThatThrownBy(() -> parser.parse(new byte[0], URI.create("https://example.org/f"), Optional.empty()))
                .isInstanceOf(FeedParseException.class);
    }

    @Test
    void readsTheEncodingTheXmlDeclarationNames() throws FeedParseException {
        byte[] document = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                        + "<rss version=\"2.0\"><channel><title>Café</title></channel></rss>")
                .getBytes(ISO_8859_1);
        assertThat(parser.parse(document, URI.create("https://example.org/f"), Optional.empty())
                        .title())
                .contains("Café");
    }

    @Test
    void declaredCharsetWinsOverTheXmlDeclaration() throws FeedParseException {
        byte[] document = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<rss version=\"2.0\"><channel><title>Café</title></channel></rss>")
                .getBytes(ISO_8859_1);
        assertThat(parser.parse(document, URI.create("https://example.org/f"), Optional.of("iso-8859-1"))
                        .title())
                .contains("Café");
    }

    @Test
    void byteOrderMarkWinsOverTheDeclaredCharset() throws FeedParseException {
        byte[] body = "<rss version=\"2.0\"><channel><title>Café</title></channel></rss>".getBytes(UTF_8);
        byte[] document = new byte[body.length + 3];
        document[0] = (byte) 0xEF;
        document[1] = (byte) 0xBB;
        document[2] = (byte) 0xBF;
        System.arraycopy(body, 0, document, 3, body.length);
        assertThat(parser.parse(document, URI.create("https://example.org/f"), Optional.of("iso-8859-1"))
                        .title())
                .contains("Café");
    }

    @Test
    void ignoresAnUnknownDeclaredCharsetWithAWarning() throws FeedParseException {
        byte[] document = "<rss version=\"2.0\"><channel><title>Café</title></channel></rss>".getBytes(UTF_8);
        ParsedFeed feed = parser.parse(document, URI.create("https://example.org/f"), Optional.of("no-such-charset"));
        assertThat(feed.title()).contains("Café");
        assertThat(feed.warnings()).containsExactly("ignored unknown declared charset 'no-such-charset'");
    }
}
