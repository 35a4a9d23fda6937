package org.orrery.parse.encoding;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/** Decodes a document's bytes as they are read, as {@link DocumentText#reader} describes. */
final class DecodingReader extends Reader {
    private final InputStream in;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharsetDecoder declared;
    private final CharsetDecoder utf8;
    private final Runnable choseUtf8;
    /** Null while only ASCII has been read and the declared charset may yet give way to UTF-8. */
    private CharsetDecoder decoder;

    private boolean endOfInput;
    private boolean flushed;
    /** The second half of a surrogate pair a one-character read could not take. */
    private int pending = -1;

    /** Decodes with {@code decoder}; a strict one throws {@link DocumentText.WholeDocumentNeeded}. */
    DecodingReader(InputStream in, CharsetDecoder decoder) {
        this(in, decoder, decoder, () -> {});
        this.decoder = decoder;
    }

    /**
     * Decodes with {@code declared} unless the first non-ASCII bytes are UTF-8; then with {@code
     * utf8}, after running {@code choseUtf8}. Both strict; ASCII must read as itself in {@code
     * declared}.
     */
    DecodingReader(InputStream in, CharsetDecoder declared, CharsetDecoder utf8, Runnable choseUtf8) {
        this.in = in;
        this.declared = declared;
        this.utf8 = utf8;
        this.choseUtf8 = choseUtf8;
    }

    @Override
    public int read(char[] chars, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (pending >= 0) {
            chars[offset] = (char) pending;
            pending = -1;
            return 1;
        }
        if (length == 1) {
            char[] two = new char[2];
            int n = read(two, 0, 2);
            if (n == 2) {
                pending = two[1];
            }
            chars[offset] = two[0];
            return Math.min(n, 1);
        }
        CharBuffer out = CharBuffer.wrap(chars, offset, length);
        while (out.position() == offset && !flushed) {
            if (decoder == null) {
                undecided(out);
                continue;
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                throw new DocumentText.WholeDocumentNeeded(
                        "bytes that are not " + decoder.charset().name());
            }
            if (result.isUnderflow()) {
                if (!endOfInput) {
                    fill();
                } else if (decoder.flush(out).isUnderflow()) {
                    flushed = true;
                }
            }
        }
        int n = out.position() - offset;
        for (int i = offset; i < offset + n; i++) {
            chars[i] = DocumentText.withoutC1Control(chars[i]);
        }
        return n == 0 ? -1 : n;
    }

    /** ASCII reads the same in both charsets: it passes through until another byte decides. */
    private void undecided(CharBuffer out) throws IOException {
        while (bytes.hasRemaining() && out.hasRemaining()) {
            byte b = bytes.get(bytes.position());
            if (b < 0) {
                decide();
                return;
            }
            out.put((char) b);
            bytes.position(bytes.position() + 1);
        }
        if (!bytes.hasRemaining()) {
            if (endOfInput) {
                decoder = declared;
            } else {
                fill();
            }
        }
    }

    /**
     * A document whose first non-ASCII character is not UTF-8 is not UTF-8; one whose first is
     * reads as UTF-8 until a later byte proves otherwise (then the decoder reports it).
     */
    private void decide() throws IOException {
        while (bytes.remaining() < 4 && !endOfInput) {
            fill();
        }
        ByteBuffer first = bytes.duplicate();
        first.limit(first.position() + Math.min(4, first.remaining()));
        CharBuffer character = CharBuffer.allocate(2);
        utf8.decode(first, character, true);
        utf8.reset();
        if (character.position() > 0) {
            decoder = utf8;
            choseUtf8.run();
        } else {
            decoder = declared;
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
