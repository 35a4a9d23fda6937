package org.orrery.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.fetch.FetchResult.Failed;
import org.orrery.fetch.FetchResult.Fetched;
import org.orrery.fetch.FetchResult.NotModified;
import org.orrery.model.Validators;

class HttpFetcherTest {
    private static final String FEED = "<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title></feed>";
    private static final String DATE = "Tue, 19 Sep 2017 22:00:00 GMT";

    private final ExecutorService serverThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Headers> received = new ConcurrentLinkedQueue<>();
    private HttpServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverThreads);
        server.start();
        fetcher = new HttpFetcher(FetchSettings.defaults()
                .withTimeout(Duration.ofSeconds(5))
                .withUserAgent("OrreryTest/1.0 (+https://planet.example)"));
    }

    @AfterEach
    void stopServer() {
        fetcher.close();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void capturesBodyAndValidatorsOfA200() {
        serve("/feed", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", DATE);
            send(exchange, 200, FEED.getBytes(UTF_8));
        });

        Fetched fetched = (Fetched) fetcher.fetch(url("/feed"), Validators.NONE);

        assertThat(new String(fetched.body(), UTF_8)).isEqualTo(FEED);
        assertThat(fetched.validators()).isEqualTo(new Validators(Optional.of("\"v1\""), Optional.of(DATE)));
        assertThat(fetched.finalUri()).isEqualTo(url("/feed"));
        assertThat(fetched.httpStatus()).isEqualTo(OptionalInt.of(200));
        assertThat(received.peek().getFirst("Accept")).startsWith("application/atom+xml");
        assertThat(received.peek().getFirst("If-None-Match")).isNull();
    }

    @Test
    void sendsStoredValidatorsAndTurnsA304IntoNotModified() {
        serve("/feed", exchange -> {
            boolean current = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", DATE);
            send(exchange, current ? 304 : 200, current ? new byte[0] : FEED.getBytes(UTF_8));
        });
        Fetched first = (Fetched) fetcher.fetch(url("/feed"), Validators.NONE);

        FetchResult second = fetcher.fetch(url("/feed"), first.validators());

        assertThat(second).isEqualTo(new NotModified(first.validators()));
        Headers conditional = new ArrayList<>(received).get(1);
        assertThat(conditional.getFirst("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.getFirst("If-Modified-Since")).isEqualTo(DATE);
    }

    @Test
    void keepsSentValidatorsWhenA304CarriesNoneAndTakesNewOnesWhenItDoes() {
        serve("/bare", exchange -> send(exchange, 304, new byte[0]));
        serve("/fresh", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"v2\"");
            send(exchange, 304, new byte[0]);
        });
        Validators sent = new Validators(Optional.of("\"v1\""), Optional.of(DATE));

        assertThat(fetcher.fetch(url("/bare"), sent)).isEqualTo(new NotModified(sent));
        assertThat(fetcher.fetch(url("/fresh"), sent))
                .isEqualTo(new NotModified(new Validators(Optional.of("\"v2\""), Optional.of(DATE))));
    }

    @Test
    void decodesGzipBodies() {
        serve("/feed.gz", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            send(exchange, 200, gzip(FEED.getBytes(UTF_8)));
        });

        Fetched fetched = (Fetched) fetcher.fetch(url("/feed.gz"), Validators.NONE);

        assertThat(new String(fetched.body(), UTF_8)).isEqualTo(FEED);
        assertThat(received.peek().getFirst("Accept-Encoding")).contains("gzip");
    }

    @Test
    void followsRedirectsAndReportsWhereTheFeedCameFrom() {
        serve("/old", exchange -> redirect(exchange, 301, "/new"));
        serve("/new", exchange -> send(exchange, 200, FEED.getBytes(UTF_8)));

        Fetched fetched = (Fetched) fetcher.fetch(url("/old"), Validators.NONE);

        assertThat(fetched.finalUri()).isEqualTo(url("/new"));
    }

    @Test
    void failsOnRedirectLoopsAndEndlessChains() {
        serve("/loop", exchange -> redirect(exchange, 302, "/loop"));
        serve("/hop", exchange -> redirect(exchange, 302, exchange.getRequestURI() + "/hop"));

        assertThat(fetcher.fetch(url("/loop"), Validators.NONE))
                .isInstanceOfSatisfying(
                        Failed.class, f -> assertThat(f.reason()).startsWith("redirect loop"));
        assertThat(fetcher.fetch(url("/hop"), Validators.NONE))
                .isInstanceOfSatisfying(
                        Failed.class, f -> assertThat(f.reason()).startsWith("too many redirects"));
        assertThat(received).hasSizeLessThanOrEqualTo(2 + 1 + HttpFetcher.MAX_REDIRECTS);
    }

    @Test
    void reportsErrorStatuses() {
        serve("/gone", exchange -> send(exchange, 404, "nope".getBytes(UTF_8)));
        serve("/broken", exchange -> send(exchange, 500, "oops".getBytes(UTF_8)));

        assertThat(fetcher.fetch(url("/gone"), Validators.NONE))
                .isEqualTo(new Failed("HTTP 404 Not Found", OptionalInt.of(404)));
        assertThat(fetcher.fetch(url("/broken"), Validators.NONE))
                .isEqualTo(new Failed("HTTP 500 Internal Server Error", OptionalInt.of(500)));
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
        serve("/slow", exchange -> {
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

            FetchResult result = impatient.fetch(url("/slow"), Validators.NONE);

            assertThat(result).isEqualTo(new Failed("timed out after 1 s", OptionalInt.empty()));
        }
    }

    @Test
    void refusesBodiesOverTheLimitEvenWhenCompressedSmall() {
        byte[] chunk = new byte[64 * 1024];
        serve("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1024; i++) { // 64 MiB at most; the client hangs up long before
                    out.write(chunk);
                }
            }
        });
        serve("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            send(exchange, 200, gzip(new byte[4 * 1024 * 1024]));
        });
        try (HttpFetcher strict = new HttpFetcher(FetchSettings.defaults().withMaxBodyBytes(1024 * 1024))) {

            assertThat(strict.fetch(url("/huge"), Validators.NONE))
                    .isEqualTo(new Failed("response larger than 1 MiB", OptionalInt.of(200)));
            assertThat(strict.fetch(url("/bomb"), Validators.NONE))
                    .isEqualTo(new Failed("response larger than 1 MiB", OptionalInt.of(200)));
        }
    }

    @Test
    void identifiesItselfWithTheConfiguredUserAgentAndNoUpgrade() {
        serve("/feed", exchange -> send(exchange, 200, FEED.getBytes(UTF_8)));

        fetcher.fetch(url("/feed"), Validators.NONE);

        assertThat(received.peek().getFirst("User-Agent")).isEqualTo("OrreryTest/1.0 (+https://planet.example)");
        assertThat(received.peek().containsKey("Upgrade")).isFalse();
    }

    @Test
    void takesTheCharsetFromContentType() {
        serve("/latin1", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=\"ISO-8859-1\"");
            send(exchange, 200, FEED.getBytes(UTF_8));
        });
        serve("/plain", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            send(exchange, 200, FEED.getBytes(UTF_8));
        });

        assertThat(((Fetched) fetcher.fetch(url("/latin1"), Validators.NONE)).charset())
                .contains("ISO-8859-1");
        assertThat(((Fetched) fetcher.fetch(url("/plain"), Validators.NONE)).charset())
                .isEmpty();
    }

    @Test
    void servesAHundredConcurrentFetchesFromVirtualThreads() throws Exception {
        serve("/feed", exchange -> send(exchange, 200, (FEED + exchange.getRequestURI()).getBytes(UTF_8)));
        List<Future<FetchResult>> results = new ArrayList<>();

        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                URI uri = url("/feed/" + i);
                results.add(clients.submit(() -> fetcher.fetch(uri, Validators.NONE)));
            }
            for (int i = 0; i < 100; i++) {
                assertThat(results.get(i).get(60, TimeUnit.SECONDS))
                        .isInstanceOfSatisfying(
                                Fetched.class, f -> assertThat(f.body()).isNotEmpty());
            }
        }
        assertThat(received).hasSize(100);
    }

    @Test
    void refusesOtherSchemes() {
        assertThat(fetcher.fetch(URI.create("ftp://example.org/feed.xml"), Validators.NONE))
                .isEqualTo(new Failed("unsupported URL scheme: ftp", OptionalInt.empty()));
    }

    private void serve(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            received.add(exchange.getRequestHeaders());
            try (exchange) {
                handler.handle(exchange);
            } catch (IOException e) {
                // The client hung up, which several tests make it do on purpose.
            }
        });
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, status, new byte[0]);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
