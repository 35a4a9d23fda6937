package org.orrery.parse.encoding;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes a feed document to text. Precedence, as feedparser's: a byte order mark; else the
 * charset the transport declared; else the XML declaration's encoding; else UTF-8 (XML 1.0
 * §4.3.3, Appendix F). Bytes the chosen charset cannot read never fail: a document that
 * declares nothing and is not UTF-8 is read in the charset its bytes suggest (Mozilla's
 * detector, as feedparser uses chardet), else as windows-1252, with a warning.
 *
 * <p>{@link #reader} decodes as the bytes arrive and reaches the same text, or says it cannot
 * ({@link WholeDocumentNeeded}) where the choice depends on bytes not read yet.
 */
public final class DocumentText {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Pattern ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']", Pattern.CASE_INSENSITIVE);

    private DocumentText() {}

    /**
     * The text of {@code document}; problems with its charset are added to {@code warnings}.
     * C1 control characters, which no one means in a feed, are read as the windows-1252
     * characters their code points stand for there (curly quotes, dashes).
     */
    public static String decode(byte[] document, Optional<String> declaredCharset, List<String> warnings) {
        return withoutC1Controls(decodeBytes(document, declaredCharset, warnings));
    }

    /**
     * The text of {@code document} as {@link #decode} gives it, decoded as it is read. Its {@code
     * read} throws {@link WholeDocumentNeeded} on bytes that make {@code decode} choose another
     * charset for the whole document (then only the whole document will do); so may this method.
     * Warnings are added to {@code warnings} as they become known.
     */
    public static Reader reader(InputStream document, Optional<String> declaredCharset, List<String> warnings)
            throws IOException {
        InputStream in = new BufferedInputStream(document, HEAD_BYTES);
        in.mark(HEAD_BYTES);
        byte[] head = in.readNBytes(HEAD_BYTES);
        in.reset();
        Bom bom = Bom.of(head);
        if (bom != null) {
            in.skipNBytes(bom.length);
            return new DecodingReader(in, replacing(bom.charset));
        }
        Charset sniffed = sniffWide(head);
        if (sniffed != null) {
            return new DecodingReader(in, replacing(sniffed));
        }
        Optional<Charset> declared = declaredCharset.flatMap(name -> charset(name, "declared charset", warnings));
        Optional<Charset> inDocument = xmlDeclaration(head).flatMap(name -> charset(name, "encoding", warnings));
        Charset charset = declared.or(() -> inDocument).orElse(StandardCharsets.UTF_8);
        if (charset.equals(StandardCharsets.UTF_8) || !isAscii(charset)) {
            return new DecodingReader(in, strict(charset));
        }
        if (!readsAsciiAsItself(charset)) {
            throw new WholeDocumentNeeded(charset.name() + " is not ASCII where ASCII bytes are");
        }
        // As decodeBytes: UTF-8 wins when the document is UTF-8 with non-ASCII text.
        return new DecodingReader(
                in, strict(charset), strict(StandardCharsets.UTF_8), () -> warnings.add(utf8Warning(charset)));
    }

    /** Thrown while decoding a stream when only the whole document can settle its charset. */
    public static final class WholeDocumentNeeded extends IOException {
        public WholeDocumentNeeded(String reason) {
            super("charset needs the whole document: " + reason);
        }
    }

    private static final int HEAD_BYTES = 512;
    private static final int GUESS_CHUNK_BYTES = 16 * 1024;

    static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static CharsetDecoder replacing(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    private static boolean readsAsciiAsItself(Charset charset) {
        byte[] ascii = new byte[0x80];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) i;
        }
        return strict(ascii, charset)
                .filter(text -> text.equals(new String(ascii, StandardCharsets.ISO_8859_1)))
                .isPresent();
    }

    private static String utf8Warning(Charset declared) {
        return "read as UTF-8, not the declared " + declared.name() + ": the bytes are UTF-8";
    }

    private static String withoutC1Controls(String text) {
        if (!hasC1Control(text)) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = withoutC1Control(chars[i]);
        }
        return new String(chars);
    }

    /**
     * Whether {@code text} has a character from U+0080 to U+009F. Read as Latin-1 bytes (a copy
     * for most text, its characters past U+00FF becoming {@code ?}) rather than character by
     * character: this runs over every document and text value a run parses, mostly before the
     * JIT has compiled it, and was a twelfth of a first run's samples.
     */
    static boolean hasC1Control(String text) {
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            // 0x80 to 0x9F are the bytes below 0xA0 as signed bytes: -128 to -97.
            if (b < (byte) 0xA0) {
                return true;
            }
        }
        return false;
    }

    private static final char[] C1_AS_WINDOWS_1252 = new char[0x20];

    static {
        for (int i = 0; i < C1_AS_WINDOWS_1252.length; i++) {
            char c = (char) (0x80 + i);
            char mapped = new String(new byte[] {(byte) c}, WINDOWS_1252).charAt(0);
            C1_AS_WINDOWS_1252[i] = mapped == '\uFFFD' ? c : mapped;
        }
    }

    /** {@code c}, or the windows-1252 character a C1 control's code point stands for there. */
    static char withoutC1Control(char c) {
        return c >= 0x80 && c <= 0x9F ? C1_AS_WINDOWS_1252[c - 0x80] : c;
    }

    private static String decodeBytes(byte[] document, Optional<String> declaredCharset, List<String> warnings) {
        Bom bom = Bom.of(document);
        if (bom != null) {
            return lenient(document, bom.length, bom.charset);
        }
        Charset sniffed = sniffWide(document);
        if (sniffed != null) {
            return lenient(document, 0, sniffed);
        }
        Optional<Charset> declared = declaredCharset.flatMap(name -> charset(name, "declared charset", warnings));
        Optional<Charset> inDocument = xmlDeclaration(document).flatMap(name -> charset(name, "encoding", warnings));
        Charset charset = declared.or(() -> inDocument).orElse(StandardCharsets.UTF_8);
        if (!charset.equals(StandardCharsets.UTF_8) && isAscii(charset) && isUtf8WithNonAscii(document)) {
            // A document that decodes as UTF-8 with non-ASCII text was written in UTF-8, whatever
            // its label says: single-byte charsets almost never produce valid multi-byte runs.
            warnings.add(utf8Warning(charset));
            return new String(document, StandardCharsets.UTF_8);
        }
        Optional<String> strict = strict(document, charset);
        if (strict.isPresent()) {
            return strict.get();
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            if (declared.isEmpty() && inDocument.isEmpty()) {
                Optional<Charset> guessed = guess(document).filter(g -> !g.equals(WINDOWS_1252));
                Optional<String> text = guessed.flatMap(g -> strict(document, g));
                if (text.isPresent()) {
                    warnings.add("read as " + guessed.get().name()
                            + ", guessed from the bytes: no charset is declared and they are not UTF-8");
                    return text.get();
                }
            }
            warnings.add("read as windows-1252: the bytes are not UTF-8");
            return new String(document, WINDOWS_1252);
        }
        warnings.add("replaced bytes that are not " + charset.name());
        return lenient(document, 0, charset);
    }

    /** The charset Mozilla's detector finds in {@code document}, if it is sure enough of one. */
    private static Optional<Charset> guess(byte[] document) {
        UniversalDetector detector = new UniversalDetector();
        // The detector is often sure after a few kilobytes; it need not see the rest.
        for (int at = 0; at < document.length && !detector.isDone(); at += GUESS_CHUNK_BYTES) {
            detector.handleData(document, at, Math.min(GUESS_CHUNK_BYTES, document.length - at));
        }
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            // A charset the detector knows and this JVM does not: windows-1252 will do.
            return Optional.empty();
        }
    }

    /** ISO-8859-1 labels mean windows-1252 on the web (WHATWG Encoding §4.2). */
    private static Optional<Charset> charset(String name, String what, List<String> warnings) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("iso-8859-1")
                || n.equals("latin1")
                || n.equals("latin-1")
                || n.equals("us-ascii")
                || n.equals("ascii")
                || n.equals("iso8859-1")
                || n.equals("l1")
                || n.equals("cp1252")) {
            return Optional.of(WINDOWS_1252);
        }
        try {
            return Optional.of(Charset.forName(n));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            warnings.add("ignored unknown " + what + " '" + name + "'");
            return Optional.empty();
        }
    }

    /** Whether ASCII text reads the same in {@code charset} (so an ASCII prolog can name it). */
    private static boolean isAscii(Charset charset) {
        return new String("<?xml".getBytes(StandardCharsets.US_ASCII), charset).equals("<?xml")
                && !charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-16");
    }

    private static Optional<String> xmlDeclaration(byte[] document) {
        String head = new String(document, 0, Math.min(document.length, 512), StandardCharsets.ISO_8859_1);
        Matcher m = ENCODING.matcher(head.stripLeading());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<String> strictUtf8(byte[] bytes) {
        return strict(bytes, StandardCharsets.UTF_8);
    }

    private static boolean isUtf8WithNonAscii(byte[] document) {
        boolean nonAscii = false;
        for (byte b : document) {
            if (b < 0) {
                nonAscii = true;
                break;
            }
        }
        return nonAscii && strict(document, StandardCharsets.UTF_8).isPresent();
    }

    private static Optional<String> strict(byte[] document, Charset charset) {
        try {
            return Optional.of(strict(charset).decode(ByteBuffer.wrap(document)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String lenient(byte[] document, int offset, Charset charset) {
        return new String(document, offset, document.length - offset, charset);
    }

    /** UTF-16 or UTF-32 without a byte order mark, known by the zeros around "<" (Appendix F.1). */
    private static Charset sniffWide(byte[] d) {
        if (d.length < 4) {
            return null;
        }
        if (d[0] == 0 && d[1] == 0 && d[2] == 0 && d[3] == '<') {
            return UTF_32BE;
        }
        if (d[0] == '<' && d[1] == 0 && d[2] == 0 && d[3] == 0) {
            return UTF_32LE;
        }
        if (d[0] == 0 && d[1] == '<') {
            return StandardCharsets.UTF_16BE;
        }
        if (d[0] == '<' && d[1] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private record Bom(int length, Charset charset) {
        static Bom of(byte[] d) {
            if (starts(d, 0x00, 0x00, 0xFE, 0xFF)) {
                return new Bom(4, UTF_32BE);
            }
            if (starts(d, 0xFF, 0xFE, 0x00, 0x00)) {
                return new Bom(4, UTF_32LE);
            }
            if (starts(d, 0xEF, 0xBB, 0xBF)) {
                return new Bom(3, StandardCharsets.UTF_8);
            }
            if (starts(d, 0xFE, 0xFF)) {
                return new Bom(2, StandardCharsets.UTF_16BE);
            }
            if (starts(d, 0xFF, 0xFE)) {
                return new Bom(2, StandardCharsets.UTF_16LE);
            }
            return null;
        }

        private static boolean starts(byte[] d, int... prefix) {
            if (d.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((d[i] & 0xFF) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
