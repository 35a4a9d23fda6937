package org.orrery.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubPingTest {
    private HttpServer hub;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);

    @BeforeEach
    void start() throws Exception {
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.createContext("/", exchange -> {
            try (exchange) {
                bodies.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(status.get(), -1);
            }
        });
        hub.start();
    }

    @AfterEach
    void stop() {
        hub.stop(0);
    }

    private URI hubUri() {
        return URI.create("http://127.0.0.1:" + hub.getAddress().getPort() + "/hub");
    }

    @Test
    void postsEveryFeedInOnePublishRequest() {
        var problem = new HubPing(Duration.ofSeconds(5), "Orrery/test")
                .ping(
                        hubUri(),
                        List.of(
                                URI.create("https://planet.example.org/atom.xml"),
                                URI.create("https://planet.example.org/rss20.xml")));

        assertThat(problem).isEmpty();
        assertThat(bodies)
                .containsExactly("POST application/x-www-form-urlencoded hub.mode=publish"
                        + "&hub.url=https%3A%2F%2Fplanet.example.org%2Fatom.xml"
                        + "&hub.url=https%3A%2F%2Fplanet.example.org%2Frss20.xml");
    }

    @Test
    void aHubThatRefusesIsAProblemNotAnError() {
        status.set(400);

        assertThat(new HubPing(Duration.ofSeconds(5), "Orrery/test")
                        .ping(hubUri(), List.of(URI.create("https://p/atom.xml"))))
                .contains("HTTP 400");
    }
}
