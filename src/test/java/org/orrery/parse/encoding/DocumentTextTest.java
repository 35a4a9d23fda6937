package org.orrery.parse.encoding;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentTextTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final List<String> warnings = new ArrayList<>();

    @Test
    void readsUtf16ByItsByteOrderMarkWhateverIsDeclared() {
        byte[] body = "<rss>é</rss>".getBytes(UTF_16LE);
        byte[] document = new byte[body.length + 2];
        document[0] = (byte) 0xFF;
        document[1] = (byte) 0xFE;
        System.arraycopy(body, 0, document, 2, body.length);
        assertThat(DocumentText.decode(document, Optional.of("iso-8859-1"), warnings))
                .isEqualTo("<rss>é</rss>");
    }

    @Test
    void recognisesUtf16WithoutAByteOrderMark() {
        assertThat(DocumentText.decode("<rss>ü</rss>".getBytes(UTF_16BE), Optional.empty(), warnings))
                .isEqualTo("<rss>ü</rss>");
    }

    @Test
    void readsLatin1AsWindows1252() {
        byte[] document = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>don’t</t>".getBytes(WINDOWS_1252);
        assertThat(DocumentText.decode(document, Optional.empty(), warnings)).endsWith("<t>don’t</t>");
        assertThat(warnings).isEmpty();
    }

    @Test
    void readsBytesThatAreNotUtf8AsWindows1252WithAWarning() {
        byte[] document = "<t>café</t>".getBytes(WINDOWS_1252);
        assertThat(DocumentText.decode(document, Optional.empty(), warnings)).isEqualTo("<t>café</t>");
        assertThat(warnings).containsExactly("read as windows-1252: the bytes are not UTF-8");
    }

    @Test
    void readsAnUndeclaredLegacyCharsetByWhatItsBytesSuggest() {
        String text = "<rss><channel><item><title>Как пережить новогоднюю ночь</title>"
                + "<description>Наверное, каждый из нас хоть раз задумывался о том, как встретить"
                + " новый год так, чтобы потом не было мучительно больно.</description></item></channel></rss>";
        byte[] document = text.getBytes(Charset.forName("KOI8-R"));
        assertThat(DocumentText.decode(document, Optional.empty(), warnings)).isEqualTo(text);
        assertThat(warnings).singleElement().asString().startsWith("read as KOI8-R, guessed from the bytes");
    }

    @Test
    void guessesOnlyWhenNothingDeclaresACharset() {
        String text = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>Как пережить новогоднюю"
                + " ночь, чтобы потом не было мучительно больно</title></channel></rss>";
        byte[] document = text.getBytes(Charset.forName("KOI8-R"));
        assertThat(DocumentText.decode(document, Optional.empty(), warnings))
                .isEqualTo(new String(document, WINDOWS_1252));
        assertThat(warnings).containsExactly("read as windows-1252: the bytes are not UTF-8");
    }

    /**
     * feedparser falls back to ISO-8859-2 when windows-1252 has no character for a byte
     * (encoding/bozo_linenoise); windows-1252 is what the web reads undeclared bytes as (WHATWG
     * Encoding), so its undefined bytes become U+FFFD and the rest stays as it reads there.
     */
    @Test
    void readsDeclaredUtf8ThatIsNotUtf8AsWindows1252EvenWithBytesItLacks() {
        byte[] prefix = "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>".getBytes(UTF_8);
        byte[] noise = {(byte) 0xE2, (byte) 0x80, (byte) 0x9D, (byte) 0xA9};
        byte[] document = new byte[prefix.length + noise.length];
        System.arraycopy(prefix, 0, document, 0, prefix.length);
        System.arraycopy(noise, 0, document, prefix.length, noise.length);
        assertThat(DocumentText.decode(document, Optional.empty(), warnings)).endsWith("<t>â€\uFFFD©");
        assertThat(warnings).containsExactly("read as windows-1252: the bytes are not UTF-8");
    }

    /**
     * A UTF-8 byte order mark settles the charset (WHATWG Encoding: the BOM wins), so only the
     * bytes that are not UTF-8 are lost; feedparser reads the whole document as windows-1252
     * instead, garbling its valid text (encoding/bozo_invalid-bytes-with-bom).
     */
    @Test
    void keepsTheValidTextOfADocumentWithAUtf8ByteOrderMark() {
        byte[] text = "\uFEFF<t>\u0468 Espa".getBytes(UTF_8);
        byte[] document = new byte[text.length + 2];
        System.arraycopy(text, 0, document, 0, text.length);
        document[text.length] = (byte) 0xF1;
        document[text.length + 1] = 'a';
        assertThat(DocumentText.decode(document, Optional.empty(), warnings)).isEqualTo("<t>\u0468 Espa\uFFFDa");
    }

    @Test
    void validUtf8WinsOverAWrongSingleByteDeclaration() {
        byte[] document = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><t>café</t>".getBytes(UTF_8);
        assertThat(DocumentText.decode(document, Optional.empty(), warnings)).endsWith("<t>café</t>");
        assertThat(warnings).singleElement().asString().startsWith("read as UTF-8");
    }

    @Test
    void transportCharsetWinsOverTheXmlDeclaration() {
        byte[] document =
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>Ωμέγα</t>".getBytes(Charset.forName("ISO-8859-7"));
        assertThat(DocumentText.decode(document, Optional.of("iso-8859-7"), warnings))
                .endsWith("<t>Ωμέγα</t>");
    }

    @Test
    void readsC1ControlsAsTheWindows1252CharactersTheyStandFor() {
        byte[] document = "<t>don\u0092t</t>".getBytes(UTF_8);
        assertThat(DocumentText.decode(document, Optional.empty(), warnings)).isEqualTo("<t>don’t</t>");
    }

    @Test
    void readsAStreamAsTheWholeDocumentOrSaysItCannot() throws IOException {
        Charset koi8 = Charset.forName("KOI8-R");
        List<byte[]> documents = List.of(
                "<rss>plain</rss>".getBytes(UTF_8),
                "<rss>caf\u00e9 \u0093quoted\u0094 \uD83D\uDE80</rss>".getBytes(UTF_8),
                "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><t>don’t</t>".getBytes(WINDOWS_1252),
                "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><t>café</t>".getBytes(UTF_8),
                "<?xml version=\"1.0\" encoding=\"KOI8-R\"?><t>Привет</t>".getBytes(koi8),
                "\uFEFF<rss>é</rss>".getBytes(UTF_16LE),
                "<rss>ü</rss>".getBytes(UTF_16BE),
                "<rss>caf\u00e9</rss>".getBytes(WINDOWS_1252),
                "<rss>é then ".concat("\u00e9").getBytes(UTF_8));
        for (byte[] document : documents) {
            List<String> wholeWarnings = new ArrayList<>();
            String whole = DocumentText.decode(document, Optional.empty(), wholeWarnings);
            List<String> streamWarnings = new ArrayList<>();
            try (Reader reader =
                    DocumentText.reader(new ByteArrayInputStream(document), Optional.empty(), streamWarnings)) {
                StringBuilder text = new StringBuilder();
                // One character at a time: the smallest reads a parser could make.
                for (int c = reader.read(); c >= 0; c = reader.read()) {
                    text.append((char) c);
                }
                assertThat(text.toString()).isEqualTo(whole);
                assertThat(streamWarnings).isEqualTo(wholeWarnings);
            } catch (DocumentText.WholeDocumentNeeded e) {
                // Only where the whole document reads in another charset than its start suggests.
                assertThat(wholeWarnings).isNotEmpty();
            }
        }
    }

    @Test
    void findsC1ControlsInEveryKindOfText() {
        assertThat(DocumentText.hasC1Control("plain ASCII")).isFalse();
        assertThat(DocumentText.hasC1Control("café ÿ \u00a0")).isFalse();
        assertThat(DocumentText.hasC1Control("caf\u0092")).isTrue();
        assertThat(DocumentText.hasC1Control("\u0080")).isTrue();
        assertThat(DocumentText.hasC1Control("\u009f")).isTrue();
        // Text past Latin-1 (stored two bytes a character), with and without a C1 control.
        assertThat(DocumentText.hasC1Control("日本語 \ud83d\ude00 ĀĂ")).isFalse();
        assertThat(DocumentText.hasC1Control("日本語 \ud83d\ude00 \u0085")).isTrue();
        assertThat(DocumentText.hasC1Control("\u0180\u0280")).isFalse();
    }

    @Test
    void repairsC1ControlsInTextPastLatin1() {
        assertThat(MisencodedText.repaired("日本 it\u0092s")).isEqualTo("日本 it\u2019s");
        assertThat(MisencodedText.repaired("日本 \ud83d\ude00")).isEqualTo("日本 \ud83d\ude00");
    }
}
