package org.orrery.sanitize;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the page scripts/ci/browser-sanitize.sh renders in headless Chromium: every vector of
 * the XSS corpus after sanitising, each in its own {@code div}, between a script that counts
 * executions and one that judges the DOM the browser built.
 *
 * <p>Usage: {@code BrowserPage OUT.html [--unsanitised]}; the unsanitised page is the control
 * that shows the check can see a vector run. It holds only the event-handler vectors: some
 * others, unsanitised, would end the page early ({@code <plaintext>}, a refresh) or open a
 * real dialog from a frame.
 */
public final class BrowserPage {
    private BrowserPage() {}

    private static final URI BASE = URI.create("https://blog.example.org/2017/09/post.html");

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: BrowserPage OUT.html [--unsanitised]");
            System.exit(2);
        }
        boolean raw = args.length > 1 && args[1].equals("--unsanitised");
        Files.writeString(Path.of(args[0]), page(raw), StandardCharsets.UTF_8);
    }

    static String page(boolean unsanitised) throws IOException {
        var sanitizer = new HtmlSanitizer();
        var vectors = XssVectors.all().stream()
                .filter(v -> !unsanitised || v.file().equals("handlers.txt"))
                .toList();
        var html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\" data-sandbox=\"")
                .append(Embeds.SANDBOX)
                .append("\"><head><meta charset=\"utf-8\"><title>Orrery sanitiser: browser check</title>\n<script>")
                .append(resource("hooks.js"))
                .append("</script>\n</head><body>\n<div id=\"vectors\" data-count=\"")
                .append(vectors.size())
                .append("\">\n");
        for (var vector : vectors) {
            String body = unsanitised ? vector.html() : sanitizer.sanitize(vector.html(), BASE);
            html.append("<div class=\"vector\" data-source=\"")
                    .append(Escape.jsoupAnywhere(vector.file() + ":" + vector.line()))
                    .append("\">")
                    .append(body)
                    .append("</div>\n");
        }
        html.append("</div>\n<pre id=\"verdict\">PENDING</pre>\n<script>")
                .append(resource("check.js"))
                .append("</script>\n</body></html>\n");
        return html.toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BrowserPage.class.getResourceAsStream("/sanitize/browser/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /sanitize/browser/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
