package org.orrery.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.fetch.LoopbackServer.gzip;
import static org.orrery.fetch.LoopbackServer.send;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.fetch.FetchResult.Failed;
import org.orrery.fetch.FetchResult.Fetched;
import org.orrery.model.Validators;

/** Servers that are down, slow, huge, not TLS, or hit by many fetches at once. */
class HttpFetcherLimitsTest {
    private static final String FEED = LoopbackServer.FEED;

    private LoopbackServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        fetcher = LoopbackServer.testFetcher();
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void reportsRefusedConnections() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        FetchResult result = fetcher.fetch(URI.create("http://127.0.0.1:" + closedPort + "/feed"), Validators.NONE);

        assertThat(result).isEqualTo(new Failed("connection refused", OptionalInt.empty()));
    }

    @Test
    void reportsTlsFailures() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            plain.setSoTimeout(10_000);
            Thread answer = Thread.ofVirtual().start(() -> {
                try (Socket socket = plain.accept()) {
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(UTF_8));
                } catch (IOException e) {
                    // The client gave up first; the assertion below says how.
                }
            });

            FetchResult result =
                    fetcher.fetch(URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/feed"), Validators.NONE);

            assertThat(result).isInstanceOfSatisfying(Failed.class, f -> assertThat(f.reason())
                    .startsWith("TLS handshake failed: "));
            answer.join(Duration.ofSeconds(10));
        }
    }

    @Test
    void abandonsAServerThatTricklesPastTheDeadline() {
        server.serve("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 200; i++) { // at most 20 s, ends early once the client hangs up
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (HttpFetcher impatient = new HttpFetcher(FetchSettings.defaults().withTimeout(Duration.ofSeconds(1)))) {

            FetchResult result = impatient.fetch(server.url("/slow"), Validators.NONE);

            assertThat(result).isEqualTo(new Failed("timed out after 1 s", OptionalInt.empty()));
        }
    }

    @Test
    void refusesBodiesOverTheLimitEvenWhenCompressedSmall() {
        byte[] chunk = new byte[64 * 1024];
        server.serve("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1024; i++) { // 64 MiB at most; the client hangs up long before
                    out.write(chunk);
                }
            }
        });
        server.serve("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            send(exchange, 200, gzip(new byte[4 * 1024 * 1024]));
        });
        try (HttpFetcher strict = new HttpFetcher(FetchSettings.defaults().withMaxBodyBytes(1024 * 1024))) {

            assertThat(strict.fetch(server.url("/huge"), Validators.NONE))
                    .isEqualTo(new Failed("response larger than 1 MiB", OptionalInt.of(200)));
            assertThat(strict.fetch(server.url("/bomb"), Validators.NONE))
                    .isEqualTo(new Failed("response larger than 1 MiB", OptionalInt.of(200)));
        }
    }

    @Test
    void servesAHundredConcurrentFetchesFromVirtualThreadsWithFourConnectionsAtMost() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        server.serve("/feed", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(10);
                send(exchange, 200, (FEED + exchange.getRequestURI()).getBytes(UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        });
        List<Future<FetchResult>> results = new ArrayList<>();

        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                URI uri = server.url("/feed/" + i);
                results.add(clients.submit(() -> fetcher.fetch(uri, Validators.NONE)));
            }
            for (int i = 0; i < 100; i++) {
                assertThat(results.get(i).get(60, TimeUnit.SECONDS))
                        .isInstanceOfSatisfying(
                                Fetched.class, f -> assertThat(f.body()).isNotEmpty());
            }
        }
        assertThat(server.received()).hasSize(100);
        assertThat(mostInFlight.get()).isBetween(1, FetchSettings.DEFAULT_MAX_CONNECTIONS_PER_HOST);
    }
}
