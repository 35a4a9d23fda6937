package org.orrery.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server on 127.0.0.1 that misbehaves as told: it accepts connections one at a time on a
 * virtual thread and hands each socket, its request unread, to a script.
 */
final class RawServer implements AutoCloseable {
    /** What the server does with one connection. */
    @FunctionalInterface
    interface Script {
        void run(Socket socket) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Thread acceptor;

    private RawServer(ServerSocket socket, Script script) {
        this.socket = socket;
        this.acceptor = Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    client.setSoTimeout(30_000);
                    script.run(client);
                } catch (IOException e) {
                    // The client hung up (what most scripts provoke) or the server closed.
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static RawServer plain(Script script) throws IOException {
        return new RawServer(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()), script);
    }

    /** TLS with the self-signed certificate of {@code fetch/self-signed.p12}, which no JDK trusts. */
    static RawServer selfSignedTls(Script script) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = RawServer.class.getResourceAsStream("/fetch/self-signed.p12")) {
            keys.load(in, "orrery-test".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "orrery-test".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        return new RawServer(
                tls.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress()), script);
    }

    URI url(String scheme, String path) {
        return URI.create(scheme + "://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /** Reads the request head, up to its blank line. */
    static void readRequest(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < 4 && (b = in.read()) != -1; ) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
