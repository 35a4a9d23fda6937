package org.orrery.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSub hub and publisher on loopback, written for the tests (W3C WebSub §5–§7): serves Atom
 * feeds naming {@code /hub} as their hub (in the document, or in a {@code Link} header), takes
 * subscription requests there, verifies intent by a GET of the callback with a challenge (after
 * answering), and pushes signed content to verified subscribers. How it misbehaves is set by the
 * test: refusing requests, never verifying, short leases.
 */
final class TestHub implements AutoCloseable {
    /** One subscription request as the hub received it, and whether the callback then echoed the challenge. */
    record Asked(String mode, String topic, URI callback, String secret, Instant at, Map<String, String> form) {}

    /** A subscription the subscriber confirmed, with the lease granted. */
    record Verified(String mode, String topic, URI callback, String secret, Instant expires) {}

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> feeds = new ConcurrentHashMap<>();
    private final Map<String, Boolean> inHeader = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    final List<Asked> asked = new CopyOnWriteArrayList<>();
    final List<Verified> verified = new CopyOnWriteArrayList<>();

    /** The status subscription requests are answered with. */
    volatile int answer = 202;
    /** Whether requests are verified at all. */
    volatile boolean verifying = true;
    /** The lease granted, in seconds. */
    volatile long leaseSeconds = 600;

    TestHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    String hub() {
        return url("hub");
    }

    /** Serves at {@code path} an Atom feed with these entry titles, naming the hub in the document or in a Link header. */
    void feed(String path, boolean linkHeader, String... titles) {
        feeds.put(path, atom(path, linkHeader ? null : hub(), titles));
        inHeader.put(path, linkHeader);
    }

    /** An Atom feed with these entry titles; naming {@code hub} (and itself as self) when not null. */
    String atom(String path, String hub, String... titles) {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>" + path + "</title><id>urn:" + path
                + "</id><updated>2026-12-01T12:00:00Z</updated><link href=\"http://example.org/" + path + "/\"/>\n");
        if (hub != null) {
            xml.append("<link rel=\"hub\" href=\"")
                    .append(hub)
                    .append("\"/><link rel=\"self\" href=\"")
                    .append(url(path))
                    .append("\"/>\n");
        }
        for (int i = 0; i < titles.length; i++) {
            xml.append("<entry><title>")
                    .append(titles[i])
                    .append("</title><id>urn:")
                    .append(titles[i].hashCode())
                    .append("</id><updated>2026-12-01T")
                    .append(String.format("%02d", 11 - i))
                    .append(":00:00Z</updated><link href=\"http://example.org/")
                    .append(path)
                    .append('/')
                    .append(i)
                    .append("\"/><content type=\"html\">&lt;p&gt;")
                    .append(titles[i])
                    .append(" body&lt;/p&gt;</content></entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    int fetches(String path) {
        return fetches.getOrDefault(path, new AtomicInteger()).get();
    }

    /** Asks for a verification of intent at {@code callback}, as the hub would; gives status and body. */
    HttpResponse<String> verify(URI callback, String mode, String topic, String challenge) throws Exception {
        String query = "hub.mode=" + mode + "&hub.topic=" + encode(topic) + "&hub.challenge=" + encode(challenge)
                + "&hub.lease_seconds=" + leaseSeconds;
        return http.send(
                HttpRequest.newBuilder(URI.create(callback + "?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Pushes {@code body} to {@code callback} with this {@code X-Hub-Signature} (none when null); gives the status. */
    int push(URI callback, String body, String signature) throws Exception {
        var request = HttpRequest.newBuilder(callback)
                .header("Content-Type", "application/atom+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Hub-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** {@code method=hex}, the HMAC of {@code body} with {@code secret} ({@code algorithm}: a JCA Mac name). */
    static String signature(String method, String algorithm, String secret, String body) throws Exception {
        var mac = javax.crypto.Mac.getInstance(algorithm);
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
        return method + "=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(1);
            if (path.equals("hub") && exchange.getRequestMethod().equals("POST")) {
                subscription(exchange);
                return;
            }
            fetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String body = feeds.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (inHeader.getOrDefault(path, false)) {
                exchange.getResponseHeaders()
                        .add("Link", "<" + hub() + ">; rel=\"hub\", <" + url(path) + ">; rel=\"self\"");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/atom+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private void subscription(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        var request = new Asked(
                form.get("hub.mode"),
                form.get("hub.topic"),
                URI.create(form.get("hub.callback")),
                form.get("hub.secret"),
                Instant.now(),
                form);
        asked.add(request);
        int status = answer;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
        if (status == 202 && verifying) {
            // §5.3: intent is verified after the request was answered.
            String challenge = UUID.randomUUID().toString();
            long lease = leaseSeconds;
            try {
                var answer = verify(request.callback(), request.mode(), request.topic(), challenge);
                if (answer.statusCode() == 200 && answer.body().equals(challenge)) {
                    verified.add(new Verified(
                            request.mode(),
                            request.topic(),
                            request.callback(),
                            request.secret(),
                            Instant.now().plusSeconds(lease)));
                }
            } catch (Exception e) {
                // The subscriber was not there: the subscription is simply not verified.
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
    }
}
