package org.orrery.fetch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/** A JDK HttpServer on 127.0.0.1, a free port, one virtual thread per exchange; records request headers. */
final class LoopbackServer implements AutoCloseable {
    /** The smallest feed, for tests about transport rather than content. */
    static final String FEED = "<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title></feed>";

    /** The fetcher the tests talk to the server with: a 5 s limit and a test User-Agent. */
    static HttpFetcher testFetcher() {
        return new HttpFetcher(FetchSettings.defaults()
                .withTimeout(java.time.Duration.ofSeconds(5))
                .withUserAgent("OrreryTest/1.0 (+https://planet.example)"));
    }

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Headers> received = new ConcurrentLinkedQueue<>();
    private final HttpServer server;

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.start();
    }

    void serve(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            received.add(exchange.getRequestHeaders());
            try (exchange) {
                handler.handle(exchange);
            } catch (IOException e) {
                // The client hung up, which several tests make it do on purpose.
            }
        });
    }

    /** Request headers in arrival order. */
    ConcurrentLinkedQueue<Headers> received() {
        return received;
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, status, new byte[0]);
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
