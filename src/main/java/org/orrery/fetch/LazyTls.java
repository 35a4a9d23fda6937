package org.orrery.fetch;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Java's default TLS (the system's trust store, host names verified), set up when the first
 * https connection needs it and shared by both {@link FeedClients}: loading the trust store took a
 * tenth of a second of every start, twice, and a planet of http feeds never needs it.
 */
final class LazyTls implements TlsSocketStrategy {
    private volatile TlsSocketStrategy tls;

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return tls().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy tls() {
        TlsSocketStrategy made = tls;
        if (made == null) {
            synchronized (this) {
                made = tls;
                if (made == null) {
                    made = DefaultClientTlsStrategy.createDefault();
                    tls = made;
                }
            }
        }
        return made;
    }
}
