package org.orrery.config;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Subscription sections as config.ini text, and their appending to a config file: the file's
 * bytes are left as they are (comments, layout, encoding, line endings) and the new sections
 * follow, each after a blank line.
 */
public final class SubscriptionSections {
    private SubscriptionSections() {}

    /**
     * One subscription's section, {@code [URL]} and its {@code name} if any, ending with a line
     * break. The name is made to read back as written: on one line, without {@code " ;"} (which
     * ConfigParser takes for the start of a comment), and with {@code %} doubled when the name
     * holds {@code %(} (which ConfigParser would take for a reference to another option).
     */
    public static String section(URI feed, Optional<String> name) {
        return "[" + feed + "]\n"
                + name.map(SubscriptionSections::cleanName)
                        .filter(n -> !n.isEmpty())
                        .map(n -> "name = " + n + "\n")
                        .orElse("");
    }

    /**
     * Whether {@code feed} can name a section: the config reader ends a section name at the
     * first {@code ]} on its line.
     */
    public static boolean canName(URI feed) {
        String s = feed.toString();
        return !s.contains("]") && !s.contains("\n") && !s.contains("\r");
    }

    /**
     * The form of a feed URL that two spellings of the same feed share: scheme and host in lower
     * case, the default port and the fragment dropped, an empty path as {@code /} (RFC 3986 §6.2.2
     * and §6.2.3). Anything else (path case, query) is the server's to interpret.
     */
    public static String sameFeedKey(URI feed) {
        URI uri = feed.normalize();
        if (uri.isOpaque() || uri.getRawAuthority() == null) {
            String s = uri.toString();
            int hash = s.indexOf('#');
            return hash < 0 ? s : s.substring(0, hash);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host =
                uri.getHost() == null ? uri.getRawAuthority() : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return scheme + "://" + userInfo + host + (defaultPort ? "" : ":" + port) + path + query;
    }

    /**
     * Appends {@code sections} (each from {@link #section}) to {@code config}, each after a
     * blank line, in the file's own encoding (UTF-8, or windows-1252 for a file that is not
     * UTF-8, as the config reader decodes it) and line endings.
     *
     * @throws IOException when the file cannot be read or written
     */
    public static void append(Path config, List<String> sections) throws IOException {
        if (sections.isEmpty()) {
            return;
        }
        byte[] bytes = Files.readAllBytes(config);
        Charset charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        String text = new String(bytes, charset);
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        var added = new StringBuilder();
        if (!text.isEmpty() && !text.endsWith("\n") && !text.endsWith("\r")) {
            added.append('\n');
        }
        for (String section : sections) {
            if (!text.isEmpty() || !added.isEmpty()) {
                added.append('\n');
            }
            added.append(section);
        }
        String out = added.toString().replace("\n", newline);
        Files.write(config, out.getBytes(charset), StandardOpenOption.APPEND);
    }

    /** {@code name} as a {@code name = } value that reads back as written (see {@link #section}). */
    public static String cleanName(String name) {
        // A line break would end the value; " ;" would start a comment in ConfigParser.
        String line = name.replaceAll("(?U)\\s+", " ").replaceAll(" +;", ";").strip();
        // Python 2 ConfigParser interpolates only a value holding "%(", and there reads %% as %;
        // elsewhere a % is itself. A name that is exactly "" would read back as empty.
        String escaped = line.contains("%(") ? line.replace("%", "%%") : line;
        // Names are read with their character references decoded (Planet Python writes
        // "Ga&#235;l"): a name that holds one as text is written with its & as &amp;.
        if (!ConfigLoader.displayName(line).equals(line)) {
            escaped = escaped.replace("&", "&amp;");
        }
        return escaped.equals("\"\"") ? "" : escaped;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            // Not UTF-8: a Venus-era Latin-1 file, which the config reader reads as windows-1252.
            return false;
        }
    }
}
