package org.orrery.parse;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.orrery.FuzzCorpus;
import org.orrery.normalize.EntryNormalizer;
import org.orrery.sanitize.HtmlSanitizer;

/**
 * No byte sequence makes the parser fail other than with {@link FeedParseException}, hang, or
 * give back more than a small multiple of what it was given. Documents are random bytes,
 * damaged copies of real feeds (our fixtures, and feedparser's corpus when {@code
 * orrery.shared} points at the shared files) and well-formed feeds carrying hostile payloads.
 *
 * <p>The timeout detects hangs only; speed is measured by the benchmarks in {@code bench/}. The
 * outcome statistics are shown with a failure only (they say what share of tries were refused).
 */
@StatisticsReport(onFailureOnly = true)
class FeedParserPropertyTest {
    private static final URI DOCUMENT_URI = URI.create("https://example.org/feeds/f.xml");
    private static final Duration HANG = Duration.ofSeconds(5);
    /** Output characters allowed per input byte: escaping "&" gives 5, an attribute '"' 6. */
    private static final int MAX_GROWTH = 8;

    private static final List<String> INSERTIONS = List.of(
            "&",
            "<",
            ">",
            "]]>",
            "<![CDATA[",
            "</",
            "<!--",
            "-->",
            "<?pi x?>",
            "<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>",
            "<!DOCTYPE feed SYSTEM \"file:///etc/passwd\">",
            "<!ENTITY x SYSTEM \"http://127.0.0.1/\">",
            "&a;",
            "&b;",
            "&amp;",
            "&nbsp;",
            "&lol9;",
            "&unknown;",
            "&#0;",
            "&#x0;",
            "&#xD800;",
            "&#1114112;",
            "&#99999999999;",
            "&#x;",
            "\0",
            "\u0001\u0002\u001b\u007f",
            "\uFFFE\uFFFF",
            "\uD83D",
            "\r\n\r",
            " xml:base=\"::not a uri::\" ",
            " xml:base=\"http://[::1\" ",
            " xml:lang=\"\" ",
            "<x:y xmlns:x=\"\">",
            "<a:b>",
            " xmlns=\"http://www.w3.org/2005/Atom\" ",
            "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">",
            "<item><title>t</title><pubDate>Mon, 99 Foo 99999 99:99:99 +9999</pubDate></item>",
            "<entry><updated>-999999999-01-01T00:00:00Z</updated></entry>",
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
            "<?xml version=\"1.1\" encoding=\"bogus-charset\"?>",
            "\uFEFF");

    private static final List<byte[]> BYTE_ORDER_MARKS = List.of(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            new byte[] {(byte) 0xFE, (byte) 0xFF},
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF},
            new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0});

    private final FeedParser parser = new FeedParser();
    private final EntryNormalizer normalizer = EntryNormalizer.sanitising(new HtmlSanitizer());

    // Without edge cases: their combinations (640) would outnumber the tries.
    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void randomBytesAreReadOrRefused(@ForAll("randomBytes") byte[] document, @ForAll("charsets") Optional<String> cs) {
        assertReadOrRefused(document, cs);
    }

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void damagedFeedsAreReadOrRefused(
            @ForAll("damagedFeeds") byte[] document, @ForAll("charsets") Optional<String> cs) {
        assertReadOrRefused(document, cs);
    }

    /** The fuzz seeds ({@code src/test/resources/fuzz/feeds/}), damaged; tries: {@code jqwik.tries.default}. */
    @Property(shrinking = ShrinkingMode.BOUNDED)
    void damagedFuzzSeedsAreReadOrRefused(
            @ForAll("damagedSeeds") byte[] document, @ForAll("charsets") Optional<String> cs) {
        assertReadOrRefused(document, cs);
    }

    @Property(tries = 150)
    void hostilePayloadsAreReadOrRefused(@ForAll("hostileFeeds") byte[] document) {
        assertReadOrRefused(document, Optional.empty());
    }

    /** Parses within the hang bound; a feed read must also normalise without failing. */
    private void assertReadOrRefused(byte[] document, Optional<String> declaredCharset) {
        String outcome = assertTimeoutPreemptively(HANG, () -> {
            ParsedFeed feed;
            try {
                feed = parser.parse(document, DOCUMENT_URI, declaredCharset);
            } catch (FeedParseException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                return "refused";
            }
            assertThat(outputChars(feed)).isLessThanOrEqualTo((long) MAX_GROWTH * document.length + 4096);
            assertThat(feed.warnings()).hasSizeLessThanOrEqualTo(document.length + 16);
            feed.entries().forEach(normalizer::normalize);
            return feed.entries().isEmpty() ? "read, no entries" : "read, entries";
        });
        Statistics.collect(outcome);
    }

    private static long outputChars(ParsedFeed feed) {
        long n = feed.title().map(String::length).orElse(0)
                + feed.subtitle().map(String::length).orElse(0)
                + feed.language().map(String::length).orElse(0);
        for (ParsedEntry e : feed.entries()) {
            n += e.id().map(String::length).orElse(0)
                    + e.title().map(String::length).orElse(0)
                    + e.author().map(String::length).orElse(0)
                    + e.content().map(h -> h.html().length()).orElse(0)
                    + e.summary().map(h -> h.html().length()).orElse(0);
            for (String c : e.categories()) {
                n += c.length();
            }
        }
        return n;
    }

    @Provide
    Arbitrary<Optional<String>> charsets() {
        return Arbitraries.of("utf-8", "ISO-8859-1", "utf-16", "UTF-32", "windows-1252", "bogus!", "", "x-unknown")
                .optional(0.3);
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        Arbitrary<String> prefix = Arbitraries.of(
                "",
                "<?xml version=\"1.0\"?>",
                "<rss version=\"2.0\"><channel><item><description>",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"html\">");
        return Combinators.combine(prefix, noise).as((p, n) -> concat(p.getBytes(UTF_8), n));
    }

    @Provide
    Arbitrary<byte[]> damagedFeeds() {
        Arbitrary<byte[]> fixture = Arbitraries.of(Fixtures.ALL).map(FeedParserPropertyTest::read);
        Arbitrary<List<Damage>> damages = damage().list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(fixture, damages).as((bytes, list) -> {
            byte[] result = bytes;
            for (Damage d : list) {
                result = d.apply(result);
            }
            return result;
        });
    }

    @Provide
    Arbitrary<byte[]> damagedSeeds() {
        Arbitrary<byte[]> seed = Arbitraries.of(FuzzCorpus.files("feeds")).map(FeedParserPropertyTest::read);
        return Combinators.combine(seed, damage().list().ofMaxSize(4)).as((bytes, list) -> {
            byte[] result = bytes;
            for (Damage d : list) {
                result = d.apply(result);
            }
            return result;
        });
    }

    @Provide
    Arbitrary<byte[]> hostileFeeds() {
        Arbitrary<String> payload = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 20_000).map(n -> "<div>".repeat(n) + "x" + "</div>".repeat(n)),
                Arbitraries.integers().between(1, 20_000).map(n -> "<div>".repeat(n)),
                Arbitraries.integers().between(1, 20_000).map(FeedParserPropertyTest::manyAttributes),
                Arbitraries.integers().between(1, 50_000).map(n -> "&nbsp;&unknown;&#160;".repeat(n)),
                Arbitraries.integers().between(1, 5_000).map(n -> "<![CDATA[x]]>".repeat(n)),
                Arbitraries.integers().between(1, 100_000).map(n -> "<" + "n".repeat(n) + "/>"),
                Arbitraries.integers().between(1, 5_000).map(n -> "<x:e xmlns:x=\"urn:" + n + "\"/>".repeat(n)));
        Arbitrary<String> wrapper = Arbitraries.of(
                "<rss version=\"2.0\"><channel><title>t</title><item><title>i</title><description>%s</description></item></channel></rss>",
                "<rss version=\"2.0\"><channel><item><content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">%s</content:encoded></item></channel></rss>",
                "<rss version=\"2.0\"><channel><title>%s</title></channel></rss>",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">%s</div></content></entry></feed>",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type=\"xhtml\">%s</title><summary>%s</summary></entry></feed>",
                "<rss version=\"2.0\">%s</rss>");
        return Combinators.combine(wrapper, payload)
                .as((w, p) -> w.replace("%s", p).getBytes(UTF_8));
    }

    private static String manyAttributes(int n) {
        StringBuilder tag = new StringBuilder("<img");
        for (int i = 0; i < n; i++) {
            tag.append(" a").append(i).append("=\"").append(i).append('"');
        }
        return tag.append("/>").toString();
    }

    /** One way of damaging a document, at a position given as a fraction of its length. */
    private record Damage(String kind, double at, int amount, String text) {
        byte[] apply(byte[] d) {
            int i = (int) (at * d.length);
            return switch (kind) {
                case "truncate" -> Arrays.copyOf(d, i);
                case "flip" -> {
                    byte[] copy = d.clone();
                    if (i < copy.length) {
                        copy[i] ^= (byte) (1 + amount % 255);
                    }
                    yield copy;
                }
                case "insert" -> splice(d, i, 0, text.getBytes(UTF_8));
                case "delete" -> splice(d, i, Math.min(amount, d.length - i), new byte[0]);
                case "repeat" -> {
                    int n = Math.min(amount, d.length - i);
                    byte[] slice = Arrays.copyOfRange(d, i, i + n);
                    yield splice(d, i, 0, slice);
                }
                case "nest" -> splice(d, i, 0, "<d>".repeat(amount * 20).getBytes(UTF_8));
                case "attributes" -> splice(d, i, 0, manyAttributes(amount * 10).getBytes(UTF_8));
                case "bom" -> concat(BYTE_ORDER_MARKS.get(amount % BYTE_ORDER_MARKS.size()), d);
                case "declare" ->
                    concat(("<?xml version=\"1.0\" encoding=\"" + text + "\"?>").getBytes(UTF_8), stripDeclaration(d));
                default -> throw new IllegalArgumentException(kind);
            };
        }
    }

    private static Arbitrary<Damage> damage() {
        Arbitrary<String> kind = Arbitraries.of(
                "truncate", "flip", "insert", "delete", "repeat", "nest", "attributes", "bom", "declare");
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<Integer> amount = Arbitraries.integers().between(1, 500);
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.of(INSERTIONS),
                Arbitraries.of("UTF-16", "UTF-16LE", "UTF-32", "ISO-8859-1", "EBCDIC-cp-us", "bogus", "utf-8"));
        return Combinators.combine(kind, at, amount, text).as(Damage::new);
    }

    private static byte[] stripDeclaration(byte[] d) {
        String head = new String(d, 0, Math.min(d.length, 200), ISO_8859_1);
        int end = head.startsWith("<?xml") ? head.indexOf("?>") : -1;
        return end < 0 ? d : Arrays.copyOfRange(d, end + 2, d.length);
    }

    private static byte[] splice(byte[] d, int at, int remove, byte[] insert) {
        var out = new ByteArrayOutputStream(d.length + insert.length);
        out.write(d, 0, at);
        out.writeBytes(insert);
        out.write(d, at + remove, d.length - at - remove);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return splice(b, 0, 0, a);
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Real feeds to damage: our fixtures, plus feedparser's corpus when the shared files are here. */
    private static final class Fixtures {
        static final List<Path> ALL = load();

        private static List<Path> load() {
            List<Path> files = new ArrayList<>(xmlFiles(Path.of("src/test/resources/parse/cases")));
            String shared = System.getProperty("orrery.shared");
            if (shared != null) {
                Path corpus = Path.of(shared, "corpus", "feedparser");
                if (Files.isDirectory(corpus)) {
                    files.addAll(xmlFiles(corpus));
                }
            }
            return List.copyOf(files);
        }

        private static List<Path> xmlFiles(Path dir) {
            try (Stream<Path> walk = Files.walk(dir)) {
                return walk.filter(p -> p.toString().endsWith(".xml"))
                        .filter(Files::isRegularFile)
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
