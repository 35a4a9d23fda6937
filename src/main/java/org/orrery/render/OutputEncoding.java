package org.orrery.render;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Venus's {@code encoding}: the charset the site's HTML and XML files are written in. Characters
 * the charset cannot encode are written as numeric character references ({@code &#26481;}); {@code
 * xml} is US-ASCII with character references. Other files (JSON above all) stay UTF-8.
 *
 * @param charset what the bytes are in
 * @param label what the files declare ({@code <meta charset>}, the XML declaration's {@code encoding})
 */
record OutputEncoding(Charset charset, String label) {
    static final OutputEncoding UTF_8 = new OutputEncoding(StandardCharsets.UTF_8, "utf-8");

    /** The files written in the output encoding; the rest are UTF-8. */
    private static final Pattern MARKUP =
            Pattern.compile(".*\\.(html?|xhtml|xml|rss|atom|rdf|opml)", Pattern.CASE_INSENSITIVE);

    /**
     * The encoding an {@code encoding} option names (as the config loader checked it); UTF-8 when
     * absent or blank.
     */
    static OutputEncoding of(String option) {
        String name = option == null ? "" : option.strip();
        if (name.isEmpty()) {
            return UTF_8;
        }
        if (name.equalsIgnoreCase("xml")) {
            return new OutputEncoding(StandardCharsets.US_ASCII, "us-ascii");
        }
        Charset charset = Charset.forName(name);
        if (charset.equals(StandardCharsets.UTF_8)) {
            return UTF_8;
        }
        return new OutputEncoding(charset, charset.name().toLowerCase(Locale.ROOT));
    }

    /** Whether a file of this name is HTML or XML, and so written in this encoding. */
    static boolean isMarkup(String fileName) {
        return MARKUP.matcher(fileName).matches();
    }

    /** The file's text in this encoding, or in UTF-8 when the file is not HTML or XML. */
    byte[] encode(String fileName, String text) {
        return isMarkup(fileName) ? encode(text) : text.getBytes(StandardCharsets.UTF_8);
    }

    /** The text in this encoding, with what it cannot encode as numeric character references. */
    byte[] encode(String text) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            boolean encodable = cp < 0x80
                    || (n == 1 && !Character.isSurrogate((char) cp) && encoder.canEncode((char) cp))
                    || (n == 2 && encoder.canEncode(text.substring(i, i + 2)));
            if (!encodable && out == null) {
                out = new StringBuilder(text.length() + 64).append(text, 0, i);
            }
            if (out != null) {
                if (encodable) {
                    out.appendCodePoint(cp);
                } else {
                    out.append("&#").append(cp).append(';');
                }
            }
            i += n;
        }
        return (out == null ? text : out.toString()).getBytes(charset);
    }
}
