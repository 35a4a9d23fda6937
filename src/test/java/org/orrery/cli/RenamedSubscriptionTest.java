package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following Orrery's "moved" advice (renaming the section to the new URL) keeps the feed's history. */
class RenamedSubscriptionTest {
    private static final String ETAG = "\"moshe-1\"";

    @TempDir
    Path dir;

    private HttpServer server;
    /** Each request: its path and the If-None-Match it sent. */
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private Path config;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        config = dir.resolve("config.ini");
        writeConfig(url("/old.atom"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void renamingTheSectionToTheRecordedRedirectKeepsEntriesAndValidators() throws Exception {
        CliRun.of("run", config.toString());
        var moved = CliRun.of("run", config.toString());
        assertThat(moved.err()).contains("moved: " + url("/old.atom"));
        List<String> before = headlines();
        assertThat(before).hasSize(2);
        writeConfig(url("/new.atom"));
        requests.clear();

        var renamed = CliRun.of("run", config.toString());

        assertThat(renamed.status()).isZero();
        assertThat(renamed.out()).contains("1 not modified", "entries: 0 new").doesNotContain("expunged");
        assertThat(renamed.err()).doesNotContain("moved:");
        assertThat(requests).containsExactly("/new.atom " + ETAG);
        assertThat(headlines()).isEqualTo(before);
        var status = CliRun.of("status", config.toString());
        assertThat(status.out().lines()).element(1).asString().startsWith("ok ");
    }

    private List<String> headlines() throws IOException {
        return Jsoup.parse(dir.resolve("output/index.html"))
                .select("article.h-entry h3")
                .eachText();
    }

    private void writeConfig(String feed) throws IOException {
        Files.writeString(
                config,
                """
                [Planet]
                name = Planet Renamed
                cache_directory = %s
                output_dir = %s

                [%s]
                name = Moshe Zadka
                """
                        .formatted(dir.resolve("cache"), dir.resolve("output"), feed));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
            requests.add(path + " " + etag);
            if (path.equals("/old.atom")) {
                exchange.getResponseHeaders().set("Location", url("/new.atom"));
                exchange.sendResponseHeaders(301, -1);
                return;
            }
            exchange.getResponseHeaders().set("ETag", ETAG);
            if (ETAG.equals(etag)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body;
            try (InputStream in = getClass().getResourceAsStream("/e2e/moshe.atom")) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/atom+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
