package org.orrery.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.CircularRedirectException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;

/** Turns fetch failures into the short sentences a planet maintainer reads in the status page. */
final class Reasons {
    private static final String UNTRUSTED =
            "the server's certificate is not trusted (self-signed, or signed by an unknown authority)";

    private Reasons() {}

    /** {@code HTTP 404 Not Found}; the standard phrase wins over what the server sent. */
    static String httpStatus(int status, String serverPhrase) {
        String phrase = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
        if (phrase == null) {
            phrase = serverPhrase;
        }
        return phrase == null || phrase.isBlank() ? "HTTP " + status : "HTTP " + status + " " + phrase;
    }

    static String timedOut(Duration timeout) {
        return "timed out after "
                + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms");
    }

    /** What went wrong, from the most telling exception in {@code e}'s cause chain. */
    static String of(IOException e, Duration timeout) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String reason = known(t, timeout);
            if (reason != null) {
                return reason;
            }
        }
        return "network error: " + message(root(e));
    }

    private static String known(Throwable t, Duration timeout) {
        // org.brotli.dec keeps its exception type package-private.
        if (t.getClass().getName().equals("org.brotli.dec.BrotliRuntimeException")) {
            return "badly compressed response (br): " + message(t);
        }
        return switch (t) {
            case GuardedDnsResolver.RefusedAddressException r ->
                "refused to reach a private address: " + message(r) + " (allow_private_addresses = yes permits it)";
            case UnknownHostException u -> "unknown host " + hostOf(u);
            // Both extend InterruptedIOException, so they come before it.
            case ConnectTimeoutException c -> timedOut(timeout);
            case SocketTimeoutException s -> timedOut(timeout);
            case InterruptedIOException i -> "interrupted";
            case NoRouteToHostException n -> "no route to host";
            case ConnectException c ->
                message(c).toLowerCase(Locale.ROOT).contains("refused")
                        ? "connection refused"
                        : "could not connect: " + message(c);
            case SSLException s -> "TLS handshake failed: " + tls(s);
            case CircularRedirectException c -> "redirect loop: " + message(c);
            case RedirectException r -> "too many redirects: " + message(r);
            case NoHttpResponseException n -> "the server closed the connection without answering";
            case ConnectionClosedException c -> "the server closed the connection mid-response: " + message(c);
            case MessageConstraintException m -> "response headers too large: " + message(m);
            case ProtocolException p -> "protocol error: " + message(p);
            case ZipException z -> "badly compressed response: " + message(z);
            case EOFException eof -> "response ended early: " + message(eof);
            default -> null;
        };
    }

    /** The certificate problems a maintainer can act on, in words; otherwise the JDK's message. */
    private static String tls(SSLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String problem =
                    switch (t) {
                        case CertificateExpiredException x -> "the server's certificate has expired";
                        case CertificateNotYetValidException x -> "the server's certificate is not valid yet";
                        case CertPathBuilderException x -> UNTRUSTED;
                        case SSLPeerUnverifiedException x ->
                            "the server's certificate is for another name: " + message(x);
                        default -> {
                            String message = message(t);
                            if (message.contains("PKIX path building failed")
                                    || message.contains("unable to find valid certification path")) {
                                yield UNTRUSTED;
                            }
                            yield message.contains("Unsupported or unrecognized SSL message")
                                    ? "the server does not speak TLS on this port"
                                    : null;
                        }
                    };
            if (problem != null) {
                return problem;
            }
        }
        return message(root(e));
    }

    /** The JDK says {@code example.invalid} or {@code example.invalid: Name or service not known}. */
    private static String hostOf(UnknownHostException e) {
        String message = message(e);
        int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(0, colon);
    }

    private static Throwable root(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String message(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
