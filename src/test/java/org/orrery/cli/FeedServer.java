package org.orrery.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server that serves test feeds from the classpath with an ETag and a
 * Last-Modified, answers conditional requests with 304, and records every request.
 */
final class FeedServer implements AutoCloseable {
    static final String LAST_MODIFIED = "Tue, 19 Sep 2017 22:05:00 GMT";

    /** One request as the server saw it. */
    record Request(String path, Optional<String> ifNoneMatch, Optional<String> ifModifiedSince, String userAgent) {}

    private final HttpServer server;
    private final String resourceDir;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, String> replaced = new java.util.concurrent.ConcurrentHashMap<>();

    FeedServer(String resourceDir) throws IOException {
        this.resourceDir = resourceDir;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    /** From now on serves the resource {@code resource} at {@code path}: the feed changed. */
    void replace(String path, String resource) {
        replaced.put(path, resource);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var headers = exchange.getRequestHeaders();
            String path = exchange.getRequestURI().getPath().substring(1);
            requests.add(new Request(
                    path,
                    Optional.ofNullable(headers.getFirst("If-None-Match")),
                    Optional.ofNullable(headers.getFirst("If-Modified-Since")),
                    String.valueOf(headers.getFirst("User-Agent"))));
            byte[] body = resource(replaced.getOrDefault(path, path));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            if (etag.equals(headers.getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private byte[] resource(String path) {
        try (InputStream in = FeedServer.class.getResourceAsStream("/" + resourceDir + "/" + path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
