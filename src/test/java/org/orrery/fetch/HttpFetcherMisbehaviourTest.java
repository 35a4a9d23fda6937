package org.orrery.fetch;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.fetch.FetchResult.Failed;
import org.orrery.model.Validators;

/** Servers that break the conversation: trickling, silent, hanging up, or with a bad certificate. */
class HttpFetcherMisbehaviourTest {
    private HttpFetcher fetcher;

    @BeforeEach
    void start() {
        fetcher = new HttpFetcher(FetchSettings.defaults().withTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        fetcher.close();
    }

    @Test
    void abandonsAServerSendingOneByteASecond() throws Exception {
        try (var server = RawServer.plain(socket -> {
            RawServer.readRequest(socket);
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 60\r\n\r\n".getBytes(US_ASCII));
            for (int i = 0; i < 60; i++) { // a minute at most; the client hangs up after 2 s
                out.write('x');
                out.flush();
                Thread.sleep(1000);
            }
        })) {
            assertThat(fetcher.fetch(server.url("http", "/feed"), Validators.NONE))
                    .isEqualTo(new Failed("timed out after 2 s", OptionalInt.empty()));
        }
    }

    @Test
    void refusesAnEndlessHeaderLine() throws Exception {
        try (var server = RawServer.plain(socket -> {
            RawServer.readRequest(socket);
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nX-Endless: ".getBytes(US_ASCII));
            streamUntilTheClientHangsUp(out, "x".repeat(1024) + "\r\n\t");
        })) {
            assertThat(fetcher.fetch(server.url("http", "/feed"), Validators.NONE))
                    .isInstanceOfSatisfying(
                            Failed.class, f -> assertThat(f.reason()).startsWith("response headers too large: "));
        }
    }

    @Test
    void refusesEndlesslyManyHeaders() throws Exception {
        try (var server = RawServer.plain(socket -> {
            RawServer.readRequest(socket);
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\n".getBytes(US_ASCII));
            streamUntilTheClientHangsUp(out, "X-Again: x\r\n");
        })) {
            assertThat(fetcher.fetch(server.url("http", "/feed"), Validators.NONE))
                    .isInstanceOfSatisfying(
                            Failed.class, f -> assertThat(f.reason()).startsWith("response headers too large: "));
        }
    }

    /** Writes {@code chunk} again and again: until the client hangs up, 64 MB at most. */
    private static void streamUntilTheClientHangsUp(OutputStream out, String chunk) throws java.io.IOException {
        byte[] bytes = chunk.getBytes(US_ASCII);
        for (long sent = 0; sent < 64L * 1024 * 1024; sent += bytes.length) {
            out.write(bytes);
        }
    }

    @Test
    void abandonsAServerThatNeverAnswers() throws Exception {
        try (var server = RawServer.plain(socket -> {
            RawServer.readRequest(socket);
            socket.getInputStream().read(); // waits until the client gives up
        })) {
            assertThat(fetcher.fetch(server.url("http", "/feed"), Validators.NONE))
                    .isEqualTo(new Failed("timed out after 2 s", OptionalInt.empty()));
        }
    }

    @Test
    void reportsAServerClosingMidBody() throws Exception {
        try (var server = RawServer.plain(socket -> {
            RawServer.readRequest(socket);
            socket.getOutputStream()
                    .write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n<feed xmlns=".getBytes(US_ASCII));
        })) {
            assertThat(fetcher.fetch(server.url("http", "/feed"), Validators.NONE))
                    .isInstanceOfSatisfying(Failed.class, f -> assertThat(f.reason())
                            .startsWith("the server closed the connection mid-response: "));
        }
    }

    @Test
    void reportsAServerClosingWithoutAnswering() throws Exception {
        try (var server = RawServer.plain(RawServer::readRequest)) {
            assertThat(fetcher.fetch(server.url("http", "/feed"), Validators.NONE))
                    .isEqualTo(new Failed("the server closed the connection without answering", OptionalInt.empty()));
        }
    }

    @Test
    void reportsAnUntrustedCertificateInWords() throws Exception {
        try (var server = RawServer.selfSignedTls(socket -> {
            RawServer.readRequest(socket);
            socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(US_ASCII));
        })) {
            assertThat(fetcher.fetch(server.url("https", "/feed"), Validators.NONE))
                    .isEqualTo(new Failed(
                            "TLS handshake failed: the server's certificate is not trusted"
                                    + " (self-signed, or signed by an unknown authority)",
                            OptionalInt.empty()));
        }
    }

    @Test
    void reportsAPlainServerOnAnHttpsUrlInWords() throws Exception {
        try (var server = RawServer.plain(socket -> {
            socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(US_ASCII));
        })) {
            assertThat(fetcher.fetch(server.url("https", "/feed"), Validators.NONE))
                    .isEqualTo(new Failed(
                            "TLS handshake failed: the server does not speak TLS on this port", OptionalInt.empty()));
        }
    }
}
