package org.orrery.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FeedParserStreamingTest {
    private static final URI BASE = URI.create("https://example.org/feed");

    private final FeedParser parser = new FeedParser();

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.orrery.parse.FeedParserTest#cases")
    void readsEveryCaseAsTheWholeDocumentApiDoes(String file) throws IOException {
        byte[] document = Files.readAllBytes(FeedParserTest.CASES.resolve(file));
        URI base = URI.create("https://example.org/feeds/" + file);
        assertThat(streamed(document, base)).isEqualTo(whole(document, base));
    }

    @Test
    void handsEntriesOverAsTheyAreReadAndKeepsNone() throws IOException, FeedParseException {
        byte[] document = bigFeed(20_000, "", UTF_8);
        AtomicLong read = new AtomicLong();
        long[] readAtFirstEntry = {-1};
        int[] count = {0};
        ParsedFeed feed = parser.parse(
                () -> counting(new ByteArrayInputStream(document), read), BASE, Optional.empty(), entry -> {
                    if (count[0]++ == 0) {
                        readAtFirstEntry[0] = read.get();
                    }
                    assertThat(entry.title()).contains("Item " + count[0]);
                });
        assertThat(document.length).isGreaterThan(4 * FeedParser.HELD_BYTES);
        assertThat(count[0]).isEqualTo(20_000);
        assertThat(feed.entries()).isEmpty();
        assertThat(feed.title()).contains("Big");
        // Held back only until the first MiB has been read, not until the end.
        assertThat(readAtFirstEntry[0]).isLessThan(2L * FeedParser.HELD_BYTES);
    }

    @Test
    void readsABrokenLargeDocumentAgainWithoutRepeatingEntries() throws IOException {
        // A bare "&" near the end: the strict reading fails after handing over most entries.
        byte[] document = bigFeed(20_000, "<item><title>Tom & Jerry</title></item>", UTF_8);
        String streamed = streamed(document, BASE);
        assertThat(streamed).isEqualTo(whole(document, BASE));
        assertThat(streamed).contains("title: Tom & Jerry").contains("read leniently");
    }

    @Test
    void readsUtf8LabelledWindows1252AsUtf8WithTheWarning() throws IOException {
        byte[] document = bigFeed(20_000, "<item><title>café</title></item>", UTF_8, "windows-1252");
        String streamed = streamed(document, BASE);
        assertThat(streamed).isEqualTo(whole(document, BASE));
        assertThat(streamed).contains("title: café").contains("read as UTF-8, not the declared windows-1252");
    }

    @Test
    void readsAnUndeclaredLegacyCharsetAsTheWholeDocumentApiDoes() throws IOException {
        String text = "<rss version=\"2.0\"><channel><title>Как пережить новогоднюю ночь</title><item><title>"
                + "Наверное, каждый из нас хоть раз задумывался о том, как встретить новый год</title></item>"
                + "</channel></rss>";
        byte[] document = text.getBytes(Charset.forName("KOI8-R"));
        String streamed = streamed(document, BASE);
        assertThat(streamed).isEqualTo(whole(document, BASE));
        assertThat(streamed).contains("title: Как пережить новогоднюю ночь").contains("read as KOI8-R");
    }

    @Test
    void readsALateByteThatIsNotUtf8AsTheWholeDocumentApiDoes() throws IOException {
        byte[] document =
                bigFeed(20_000, "<item><title>caf\u00e9</title></item>", Charset.forName("windows-1252"), "UTF-8");
        String streamed = streamed(document, BASE);
        assertThat(streamed).isEqualTo(whole(document, BASE));
        assertThat(streamed).contains("title: café").contains("read as windows-1252");
    }

    @Test
    void failsAsTheWholeDocumentApiDoesOnANonFeed() {
        byte[] document = "<html><body>no feed</body></html>".getBytes(UTF_8);
        assertThatThrownBy(() -> parser.parse(DocumentSource.of(document), BASE, Optional.empty(), e -> {}))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("not a feed");
    }

    /** The document as the byte[] API reads it, in golden form. */
    private String whole(byte[] document, URI base) {
        try {
            return Golden.render(parser.parse(document, base, Optional.empty()));
        } catch (FeedParseException e) {
            return Golden.renderError(e);
        }
    }

    /** The document as the streaming API reads it, its entries gathered, in golden form. */
    private String streamed(byte[] document, URI base) throws IOException {
        List<ParsedEntry> entries = new ArrayList<>();
        try {
            ParsedFeed feed = parser.parse(DocumentSource.of(document), base, Optional.empty(), entries::add);
            assertThat(feed.entries()).isEmpty();
            return Golden.render(new ParsedFeed(
                    feed.format(),
                    feed.title(),
                    feed.link(),
                    feed.subtitle(),
                    feed.language(),
                    feed.updated(),
                    entries,
                    feed.warnings(),
                    feed.id(),
                    feed.author(),
                    feed.credits()));
        } catch (FeedParseException e) {
            return Golden.renderError(e);
        }
    }

    private static byte[] bigFeed(int items, String last, Charset charset) {
        return bigFeed(items, last, charset, charset.name());
    }

    /** An RSS 2.0 feed of {@code items} items of about 250 bytes, then {@code last}. */
    private static byte[] bigFeed(int items, String last, Charset charset, String label) {
        var out = new ByteArrayOutputStream();
        StringBuilder text = new StringBuilder("<?xml version=\"1.0\" encoding=\"" + label + "\"?>\n"
                + "<rss version=\"2.0\"><channel><title>Big</title><link>https://example.org/</link>\n");
        for (int i = 1; i <= items; i++) {
            text.append("<item><title>Item ")
                    .append(i)
                    .append("</title><link>https://example.org/")
                    .append(i)
                    .append("</link><description>&lt;p&gt;Body of item ")
                    .append(i)
                    .append(", with some words to make it longer than a line or two.&lt;/p&gt;</description>")
                    .append("<pubDate>Tue, 24 Nov 2026 12:00:00 GMT</pubDate></item>\n");
        }
        text.append(last).append("</channel></rss>\n");
        out.writeBytes(text.toString().getBytes(charset));
        return out.toByteArray();
    }

    private static InputStream counting(InputStream in, AtomicLong read) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read.addAndGet(Math.max(n, 0));
                return n;
            }
        };
    }
}
