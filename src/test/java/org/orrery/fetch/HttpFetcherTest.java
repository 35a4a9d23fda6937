package org.orrery.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.fetch.LoopbackServer.gzip;
import static org.orrery.fetch.LoopbackServer.redirect;
import static org.orrery.fetch.LoopbackServer.send;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.fetch.FetchResult.Failed;
import org.orrery.fetch.FetchResult.Fetched;
import org.orrery.fetch.FetchResult.NotModified;
import org.orrery.model.Validators;

/** Conversations with a well-behaved server: validators, redirects, statuses, encodings. */
class HttpFetcherTest {
    private static final String FEED = LoopbackServer.FEED;
    private static final String DATE = "Tue, 19 Sep 2017 22:00:00 GMT";

    private LoopbackServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        fetcher = LoopbackServer.testFetcher();
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void capturesBodyAndValidatorsOfA200() {
        server.serve("/feed", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", DATE);
            send(exchange, 200, FEED.getBytes(UTF_8));
        });

        Fetched fetched = (Fetched) fetcher.fetch(server.url("/feed"), Validators.NONE);

        assertThat(new String(fetched.body(), UTF_8)).isEqualTo(FEED);
        assertThat(fetched.validators()).isEqualTo(new Validators(Optional.of("\"v1\""), Optional.of(DATE)));
        assertThat(fetched.finalUri()).isEqualTo(server.url("/feed"));
        assertThat(fetched.httpStatus()).isEqualTo(OptionalInt.of(200));
        assertThat(server.received().peek().getFirst("Accept")).startsWith("application/atom+xml");
        assertThat(server.received().peek().getFirst("If-None-Match")).isNull();
    }

    @Test
    void sendsStoredValidatorsAndTurnsA304IntoNotModified() {
        server.serve("/feed", exchange -> {
            boolean current = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", DATE);
            send(exchange, current ? 304 : 200, current ? new byte[0] : FEED.getBytes(UTF_8));
        });
        Fetched first = (Fetched) fetcher.fetch(server.url("/feed"), Validators.NONE);

        FetchResult second = fetcher.fetch(server.url("/feed"), first.validators());

        assertThat(second).isEqualTo(new NotModified(first.validators()));
        Headers conditional = new ArrayList<>(server.received()).get(1);
        assertThat(conditional.getFirst("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.getFirst("If-Modified-Since")).isEqualTo(DATE);
    }

    @Test
    void aLastModifiedInTheSecondOfTheResponseIsNotKeptForNextTime() throws Exception {
        // The feed may change again within that second; If-Modified-Since would then hide it.
        assertThat(validatorsOf("Date: " + DATE + "\r\nLast-Modified: " + DATE + "\r\nETag: \"v1\"\r\n"))
                .isEqualTo(new Validators(Optional.of("\"v1\""), Optional.empty()));
        assertThat(validatorsOf("Date: Tue, 19 Sep 2017 22:00:01 GMT\r\nLast-Modified: " + DATE + "\r\n"))
                .isEqualTo(new Validators(Optional.empty(), Optional.of(DATE)));
    }

    /** The validators kept of a 200 carrying {@code headers} (CRLF-ended lines), from a raw loopback server. */
    private Validators validatorsOf(String headers) throws Exception {
        byte[] body = FEED.getBytes(UTF_8);
        try (var raw = RawServer.plain(socket -> {
            RawServer.readRequest(socket);
            var out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/atom+xml\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\n" + headers + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        })) {
            return ((Fetched) fetcher.fetch(raw.url("http", "/feed"), Validators.NONE)).validators();
        }
    }

    @Test
    void keepsSentValidatorsWhenA304CarriesNoneAndTakesNewOnesWhenItDoes() {
        server.serve("/bare", exchange -> send(exchange, 304, new byte[0]));
        server.serve("/fresh", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"v2\"");
            send(exchange, 304, new byte[0]);
        });
        Validators sent = new Validators(Optional.of("\"v1\""), Optional.of(DATE));

        assertThat(fetcher.fetch(server.url("/bare"), sent)).isEqualTo(new NotModified(sent));
        assertThat(fetcher.fetch(server.url("/fresh"), sent))
                .isEqualTo(new NotModified(new Validators(Optional.of("\"v2\""), Optional.of(DATE))));
    }

    @Test
    void decodesGzipBodies() {
        server.serve("/feed.gz", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            send(exchange, 200, gzip(FEED.getBytes(UTF_8)));
        });

        Fetched fetched = (Fetched) fetcher.fetch(server.url("/feed.gz"), Validators.NONE);

        assertThat(new String(fetched.body(), UTF_8)).isEqualTo(FEED);
        assertThat(server.received().peek().getFirst("Accept-Encoding")).contains("gzip");
    }

    @Test
    void followsRedirectsAndReportsWhereTheFeedCameFrom() {
        server.serve("/old", exchange -> redirect(exchange, 301, "/new"));
        server.serve("/new", exchange -> send(exchange, 200, FEED.getBytes(UTF_8)));

        Fetched fetched = (Fetched) fetcher.fetch(server.url("/old"), Validators.NONE);

        assertThat(fetched.finalUri()).isEqualTo(server.url("/new"));
    }

    @Test
    void failsOnRedirectLoopsAndEndlessChains() {
        server.serve("/loop", exchange -> redirect(exchange, 302, "/loop"));
        server.serve("/hop", exchange -> redirect(exchange, 302, exchange.getRequestURI() + "/hop"));

        assertThat(fetcher.fetch(server.url("/loop"), Validators.NONE))
                .isInstanceOfSatisfying(
                        Failed.class, f -> assertThat(f.reason()).startsWith("redirect loop"));
        assertThat(fetcher.fetch(server.url("/hop"), Validators.NONE))
                .isInstanceOfSatisfying(
                        Failed.class, f -> assertThat(f.reason()).startsWith("too many redirects"));
        assertThat(server.received()).hasSizeLessThanOrEqualTo(2 + 1 + HttpFetcher.MAX_REDIRECTS);
    }

    @Test
    void reportsErrorStatuses() {
        server.serve("/gone", exchange -> send(exchange, 404, "nope".getBytes(UTF_8)));
        server.serve("/broken", exchange -> send(exchange, 500, "oops".getBytes(UTF_8)));

        assertThat(fetcher.fetch(server.url("/gone"), Validators.NONE))
                .isEqualTo(new Failed("HTTP 404 Not Found", OptionalInt.of(404)));
        assertThat(fetcher.fetch(server.url("/broken"), Validators.NONE))
                .isEqualTo(new Failed("HTTP 500 Internal Server Error", OptionalInt.of(500)));
    }

    @Test
    void identifiesItselfWithTheConfiguredUserAgentAndNoUpgrade() {
        server.serve("/feed", exchange -> send(exchange, 200, FEED.getBytes(UTF_8)));

        fetcher.fetch(server.url("/feed"), Validators.NONE);

        assertThat(server.received().peek().getFirst("User-Agent"))
                .isEqualTo("OrreryTest/1.0 (+https://planet.example)");
        assertThat(server.received().peek().containsKey("Upgrade")).isFalse();
    }

    @Test
    void takesTheCharsetFromContentType() {
        server.serve("/latin1", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=\"ISO-8859-1\"");
            send(exchange, 200, FEED.getBytes(UTF_8));
        });
        server.serve("/plain", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            send(exchange, 200, FEED.getBytes(UTF_8));
        });

        assertThat(((Fetched) fetcher.fetch(server.url("/latin1"), Validators.NONE)).charset())
                .contains("ISO-8859-1");
        assertThat(((Fetched) fetcher.fetch(server.url("/plain"), Validators.NONE)).charset())
                .isEmpty();
    }

    @Test
    void neverFollowsARedirectOntoALocalFile() {
        server.serve("/away", exchange -> redirect(exchange, 302, "file:///etc/passwd"));

        assertThat(fetcher.fetch(server.url("/away"), Validators.NONE))
                .isInstanceOfSatisfying(Failed.class, f -> assertThat(f.reason())
                        .isEqualTo("redirected to an unsupported URL scheme: file:///etc/passwd"));
    }

    @Test
    void refusesOtherSchemes() {
        assertThat(fetcher.fetch(URI.create("ftp://example.org/feed.xml"), Validators.NONE))
                .isEqualTo(new Failed("unsupported URL scheme: ftp", OptionalInt.empty()));
    }
}
