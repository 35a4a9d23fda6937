package org.orrery.sanitize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The XSS corpus under {@code src/test/resources/sanitize/xss/}: one vector per line. */
public final class XssVectors {
    private XssVectors() {}

    static final List<String> FILES =
            List.of("handlers.txt", "schemes.txt", "elements.txt", "parsing.txt", "foreign.txt", "css.txt");

    /** One vector, named by file and line. */
    public record Vector(String file, int line, String html) {
        @Override
        public String toString() {
            return file + ":" + line + " " + html;
        }
    }

    public static List<Vector> all() {
        List<Vector> vectors = new ArrayList<>();
        for (String file : FILES) {
            String text = read("/sanitize/xss/" + file);
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (!line.isBlank() && !line.startsWith("#")) {
                    vectors.add(new Vector(file, i + 1, decode(line)));
                }
            }
        }
        return vectors;
    }

    private static String decode(String line) {
        return line.replace("{NL}", "\n")
                .replace("{TAB}", "\t")
                .replace("{NUL}", "\u0000")
                .replace("{SOH}", "\u0001");
    }

    private static String read(String resource) {
        try (InputStream in = XssVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
