package org.orrery.discover;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small web site on 127.0.0.1: pages and feeds at the paths a test gives, redirects, 404 for
 * the rest; records the path of every request in order.
 */
public final class SiteServer implements AutoCloseable {
    /** An Atom feed titled {@code title}, with one entry. */
    public static String atom(String title) {
        return "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>" + title
                + "</title><id>urn:x:" + title.hashCode() + "</id><updated>2026-01-02T03:04:05Z</updated>"
                + "<entry><title>Hello</title><id>urn:x:1</id><link href='https://example.org/1'/>"
                + "<updated>2026-01-02T03:04:05Z</updated><content>Hi.</content></entry></feed>";
    }

    /** An RSS 2.0 feed titled {@code title}, with one item. */
    public static String rss(String title) {
        return "<?xml version='1.0'?><rss version='2.0'><channel><title>" + title
                + "</title><link>https://example.org/</link><item><title>Hello</title>"
                + "<guid>https://example.org/2</guid><pubDate>Fri, 02 Jan 2026 03:04:05 GMT</pubDate></item>"
                + "</channel></rss>";
    }

    /** An HTML page whose head holds {@code head} and body {@code body}. */
    public static String page(String head, String body) {
        return "<!DOCTYPE html><html><head><title>A blog</title>" + head + "</head><body>" + body + "</body></html>";
    }

    private record Answer(int status, String type, String body, String location) {}

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public SiteServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getRawPath();
                String query = exchange.getRequestURI().getRawQuery();
                String asked = query == null ? path : path + "?" + query;
                requests.add(asked);
                Answer answer = answers.get(asked);
                if (answer == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (answer.location() != null) {
                    exchange.getResponseHeaders().set("Location", answer.location());
                    exchange.sendResponseHeaders(answer.status(), -1);
                    return;
                }
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", answer.type() + "; charset=utf-8");
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    /** Serves an HTML page at {@code path} ({@code /blog/}). */
    public SiteServer html(String path, String html) {
        answers.put(path, new Answer(200, "text/html", html, null));
        return this;
    }

    /** Serves a feed at {@code path}. */
    public SiteServer feed(String path, String xml) {
        answers.put(path, new Answer(200, "application/xml", xml, null));
        return this;
    }

    /** Answers {@code path} with a redirect of {@code status} to {@code location}. */
    public SiteServer redirect(String path, int status, String location) {
        answers.put(path, new Answer(status, null, null, location));
        return this;
    }

    /** The URL of {@code path} ({@code /blog/}) on this server. */
    public String url(String path) {
        return "http://" + hostAndPort() + path;
    }

    /** {@code 127.0.0.1:PORT}. */
    public String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The paths asked for, with their queries, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
