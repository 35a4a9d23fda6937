package org.orrery.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteServerTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthzAnswers503UntilReadyThen200() throws Exception {
        var ready = new AtomicBoolean();
        try (var site = SiteServer.start(dir, "utf-8", "127.0.0.1", 0, ready::get)) {
            assertThat(get(site, "/healthz").statusCode()).isEqualTo(503);

            ready.set(true);

            var up = get(site, "/healthz");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void declaresTheCharsetTheSiteIsWrittenInForMarkupAndUtf8ForJson() throws Exception {
        Files.write(dir.resolve("index.html"), "<p>caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("opml.xml"), "<opml/>");
        Files.writeString(dir.resolve("feed.json"), "{}");
        Files.writeString(dir.resolve("planet.css"), "p{}");
        Files.writeString(dir.resolve("subscriptions.opml"), "<opml/>");
        try (var site = SiteServer.start(dir, "iso-8859-1", "127.0.0.1", 0, () -> true)) {
            assertThat(type(site, "/")).isEqualTo("text/html;charset=iso-8859-1");
            assertThat(type(site, "/opml.xml")).isEqualTo("application/xml;charset=iso-8859-1");
            assertThat(type(site, "/subscriptions.opml")).isEqualTo("text/x-opml;charset=iso-8859-1");
            assertThat(type(site, "/feed.json")).isEqualTo("application/json;charset=utf-8");
            assertThat(type(site, "/planet.css")).isEqualTo("text/css;charset=utf-8");
            assertThat(get(site, "/planet.css").headers().firstValue("Cache-Control"))
                    .hasValue(SiteServer.ASSETS);
        }
        try (var site = SiteServer.start(dir, "xml", "127.0.0.1", 0, () -> true)) {
            assertThat(type(site, "/index.html")).isEqualTo("text/html;charset=us-ascii");
        }
    }

    @Test
    void aSubdirectoryServesItsIndexAndNamesNoServerVersion() throws Exception {
        Files.createDirectories(dir.resolve("archive/2026/12"));
        Files.writeString(dir.resolve("archive/2026/12/index.html"), "<p>December</p>");
        try (var site = SiteServer.start(dir, "utf-8", "127.0.0.1", 0, () -> true)) {
            var page = get(site, "/archive/2026/12/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("<p>December</p>");
            assertThat(page.headers().firstValue("Server")).isEmpty();
            assertThat(get(site, "/missing.html").statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(SiteServer site, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String type(SiteServer site, String path) throws Exception {
        var response = get(site, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.headers().firstValue("Content-Type").orElseThrow();
    }
}
