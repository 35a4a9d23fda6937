package org.orrery.cli;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * A server on 127.0.0.1 speaking HTTP/1.1 by hand, one connection at a time per virtual thread,
 * so that each path can misbehave as a real server does: answer slowly or never, lie about its
 * length, hang up, loop or explode. Every loop in it is bounded.
 */
final class HostileServer implements AutoCloseable {
    /** What the server does with a request for one path. */
    @FunctionalInterface
    interface Behaviour {
        void answer(Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Map<String, Behaviour> paths = new ConcurrentHashMap<>();

    HostileServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    void serve(String path, Behaviour behaviour) {
        paths.put(path, behaviour);
    }

    /** A complete, honest answer: status 200, its length, then the connection closed. */
    void serveFeed(String path, String body) {
        serve(path, (s, out) -> respond(out, 200, "application/rss+xml", body.getBytes(UTF_8)));
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> handle(client));
            } catch (IOException e) {
                return; // closed by the test
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            client.setSoTimeout(30_000);
            String path = requestPath(client.getInputStream());
            Behaviour behaviour = paths.get(path);
            OutputStream out = client.getOutputStream();
            if (behaviour == null) {
                respond(out, 404, "text/plain", "not here".getBytes(UTF_8));
            } else {
                behaviour.answer(client, out);
            }
            out.flush();
        } catch (SocketException e) {
            // The client hung up, which most behaviours provoke.
        } catch (IOException e) {
            // The client hung up or never finished its request.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the request head up to its blank line and gives the path of its first line. */
    private static String requestPath(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < 4 && head.size() < 65_536 && (b = in.read()) != -1; ) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] requestLine = head.toString(US_ASCII).split("\r\n", 2)[0].split(" ");
        return requestLine.length > 1 ? requestLine[1] : "";
    }

    static void respond(OutputStream out, int status, String type, byte[] body) throws IOException {
        head(out, status, "Content-Type: " + type + "\r\nContent-Length: " + body.length);
        out.write(body);
    }

    static void head(OutputStream out, int status, String headers) throws IOException {
        out.write(("HTTP/1.1 " + status + " Whatever\r\n" + headers + "\r\nConnection: close\r\n\r\n")
                .getBytes(US_ASCII));
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
