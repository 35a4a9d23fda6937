package org.orrery.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server of Atom feeds the test writes and changes: each with an ETag (304 when it
 * matches), a count of the requests for it, and paths that are held (answered only when
 * released), for a fetch caught under way.
 */
final class TestFeeds implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> feeds = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);

    TestFeeds() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    /** Serves at {@code path} an Atom feed titled {@code title} with these entry titles, newest first. */
    void feed(String path, String title, String... entries) {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>" + title + "</title><id>urn:" + path
                + "</id><updated>2026-12-01T12:00:00Z</updated><link href=\"http://example.org/" + path + "/\"/>\n");
        for (int i = 0; i < entries.length; i++) {
            xml.append("<entry><title>")
                    .append(entries[i])
                    .append("</title><id>urn:")
                    .append(path)
                    .append(':')
                    .append(entries[i].hashCode())
                    .append("</id><updated>2026-12-01T")
                    .append(String.format("%02d", 11 - i))
                    .append(":00:00Z</updated><link href=\"http://example.org/")
                    .append(path)
                    .append('/')
                    .append(i)
                    .append("\"/><content type=\"html\">&lt;p&gt;")
                    .append(entries[i])
                    .append(" body&lt;/p&gt;</content></entry>\n");
        }
        feeds.put(path, xml.append("</feed>\n").toString());
    }

    /** Requests for {@code path} get no answer until {@link #release}; a latch counted down as each arrives. */
    CountDownLatch hold(String path) {
        var arrived = new CountDownLatch(1);
        held.put(path, arrived);
        return arrived;
    }

    void release() {
        released.countDown();
    }

    int requests(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(1);
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            CountDownLatch hold = held.get(path);
            if (hold != null) {
                hold.countDown();
                try {
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String body = feeds.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/atom+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
