package org.orrery.parse.encoding;

import java.util.Optional;

/**
 * Repairs a value whose character references stand for bytes rather than characters: C1
 * controls ({@code &#146;}), which no one means in a feed.
 */
public final class MisencodedText {
    private MisencodedText() {}

    /**
     * {@code value} with its C1 controls repaired: a value that is UTF-8 read as Latin-1
     * ({@code &#226;&#128;&#166;} for "…") is decoded again, as feedparser does; other C1
     * controls become the windows-1252 characters their code points stand for ({@code &#146;}
     * is "’"), as HTML5 reads such references. A value without C1 controls is left alone.
     */
    public static String repaired(String value) {
        if (!DocumentText.hasC1Control(value)) {
            return value;
        }
        String text = decodedAgain(value).orElse(value);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(DocumentText.withoutC1Control(text.charAt(i)));
        }
        return out.toString();
    }

    /** The value's characters as Latin-1 bytes, decoded as UTF-8; empty if they are not UTF-8. */
    private static Optional<String> decodedAgain(String value) {
        byte[] bytes = new byte[value.length()];
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return Optional.empty();
            }
            bytes[i] = (byte) c;
        }
        return DocumentText.strictUtf8(bytes);
    }
}
