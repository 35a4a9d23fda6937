package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orrery run} with {@code pubsubhubbub_hub}: the hub hears of the published feeds. */
class RunCommandHubTest {
    @TempDir
    Path dir;

    private FeedServer feeds;
    private HttpServer hub;
    private final List<String> pings = new CopyOnWriteArrayList<>();
    private Path config;

    @BeforeEach
    void start() throws Exception {
        feeds = new FeedServer("e2e");
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.createContext("/", exchange -> {
            try (exchange) {
                pings.add(URLDecoder.decode(
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        hub.start();
        config = dir.resolve("config.ini");
        Files.writeString(
                config,
                """
                [Planet]
                name = Planet Twisted
                link = https://planet.example.org/
                cache_directory = %s
                output_dir = %s
                pubsubhubbub_hub = http://127.0.0.1:%d/hub
                pubsubhubbub_feeds = atom.xml rss20.xml missing.xml

                [%s]
                name = Moshe Zadka
                """
                        .formatted(
                                dir.resolve("cache"),
                                dir.resolve("output"),
                                hub.getAddress().getPort(),
                                feeds.url("moshe.atom")));
    }

    @AfterEach
    void stop() {
        hub.stop(0);
        feeds.close();
    }

    @Test
    void pingsTheHubForEachPublishedFeed() {
        var out = new StringWriter();

        int status = Main.execute(
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "run", config.toString());

        assertThat(status).isZero();
        assertThat(pings)
                .containsExactly("hub.mode=publish&hub.url=https://planet.example.org/atom.xml"
                        + "&hub.url=https://planet.example.org/rss20.xml");
        assertThat(out.toString())
                .contains("pinged http://127.0.0.1:" + hub.getAddress().getPort() + "/hub for 2 feeds");
    }

    @Test
    void noPingLeavesTheHubAlone() {
        int status = Main.execute(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true),
                "run",
                "--no-ping",
                config.toString());

        assertThat(status).isZero();
        assertThat(pings).isEmpty();
    }

    @Test
    void aHubThatIsDownIsReportedAndTheRunStillSucceeds() {
        hub.stop(0);
        var err = new StringWriter();

        int status = Main.execute(
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "run", config.toString());

        assertThat(status).isZero();
        assertThat(err.toString()).contains("hub: http://127.0.0.1:");
    }
}
