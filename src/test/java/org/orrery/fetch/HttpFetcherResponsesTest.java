package org.orrery.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.fetch.FetchResult.Failed;
import org.orrery.fetch.FetchResult.Fetched;
import org.orrery.fetch.FetchResult.NotModified;
import org.orrery.model.Validators;

/** Statuses, redirect chains, scheduling headers and encodings, as MockWebServer sends them. */
class HttpFetcherResponsesTest {
    private static final String FEED = "<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title></feed>";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private MockWebServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        fetcher = new HttpFetcher(
                FetchSettings.defaults().withTimeout(Duration.ofSeconds(5)),
                SystemDefaultDnsResolver.INSTANCE,
                AddressPolicy.PUBLIC_ONLY,
                InstantSource.fixed(NOW));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    private static MockResponse redirect(int status, String location) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Location", location)
                .build();
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).body(body).build();
    }

    @Test
    void reportsEveryRedirectHopWithItsStatus() {
        server.enqueue(redirect(301, "/b"));
        server.enqueue(redirect(308, url("/c").toString()));
        server.enqueue(redirect(302, "/d"));
        server.enqueue(redirect(307, "/e"));
        server.enqueue(ok(FEED));

        Fetched fetched = (Fetched) fetcher.fetch(url("/a"), Validators.NONE);

        assertThat(fetched.finalUri()).isEqualTo(url("/e"));
        assertThat(fetched.redirects())
                .containsExactly(
                        new Redirect(url("/a"), 301, url("/b")),
                        new Redirect(url("/b"), 308, url("/c")),
                        new Redirect(url("/c"), 302, url("/d")),
                        new Redirect(url("/d"), 307, url("/e")));
        assertThat(Redirect.movedTo(fetched.redirects())).contains(url("/c"));
    }

    @Test
    void aTemporaryFirstHopMeansTheFeedDidNotMove() {
        server.enqueue(redirect(302, "/b"));
        server.enqueue(redirect(301, "/c"));
        server.enqueue(ok(FEED));

        Fetched fetched = (Fetched) fetcher.fetch(url("/a"), Validators.NONE);

        assertThat(fetched.redirects()).hasSize(2);
        assertThat(Redirect.movedTo(fetched.redirects())).isEmpty();
    }

    @Test
    void stopsAtALoopBetweenTwoUrlsAndKeepsTheChain() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.enqueue(redirect(301, i % 2 == 0 ? "/b" : "/a"));
        }

        Failed failed = (Failed) fetcher.fetch(url("/a"), Validators.NONE);

        assertThat(failed.reason()).startsWith("redirect loop: " + url("/b") + " → " + url("/a"));
        assertThat(failed.redirects()).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void reportsClientAndServerErrorsWithTheirStatus() {
        server.enqueue(new MockResponse.Builder().code(410).build());
        server.enqueue(new MockResponse.Builder().code(404).build());
        server.enqueue(new MockResponse.Builder().code(502).build());

        assertThat(fetcher.fetch(url("/gone"), Validators.NONE))
                .isEqualTo(new Failed("HTTP 410 Gone", OptionalInt.of(410)));
        assertThat(fetcher.fetch(url("/missing"), Validators.NONE))
                .isEqualTo(new Failed("HTTP 404 Not Found", OptionalInt.of(404)));
        assertThat(fetcher.fetch(url("/proxy"), Validators.NONE))
                .isEqualTo(new Failed("HTTP 502 Bad Gateway", OptionalInt.of(502)));
    }

    @Test
    void readsRetryAfterInSecondsAndAsADateMeasuredFromTheServersClock() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "120")
                .build());
        // The server's clock is a day behind ours; the wait it means is still one hour.
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .addHeader("Date", "Sat, 28 Feb 2026 12:00:00 GMT")
                .addHeader("Retry-After", "Sat, 28 Feb 2026 13:00:00 GMT")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .addHeader("Retry-After", "Sun, 01 Mar 2026 12:30:00 GMT")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .addHeader("Retry-After", "soon")
                .build());

        assertThat(((Failed) fetcher.fetch(url("/a"), Validators.NONE)).retryAfter())
                .contains(Duration.ofMinutes(2));
        assertThat(((Failed) fetcher.fetch(url("/b"), Validators.NONE)).retryAfter())
                .contains(Duration.ofHours(1));
        assertThat(((Failed) fetcher.fetch(url("/c"), Validators.NONE)).retryAfter())
                .contains(Duration.ofMinutes(30));
        assertThat(((Failed) fetcher.fetch(url("/d"), Validators.NONE)).retryAfter())
                .isEmpty();
    }

    @Test
    void readsMaxAgeFrom200And304AndIgnoresItUnderNoCache() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Cache-Control", "public, max-age=600")
                .body(FEED)
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(304)
                .addHeader("Cache-Control", "max-age=3600")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Cache-Control", "max-age=600, no-cache")
                .body(FEED)
                .build());

        assertThat(((Fetched) fetcher.fetch(url("/a"), Validators.NONE)).maxAge())
                .contains(Duration.ofMinutes(10));
        assertThat(((NotModified) fetcher.fetch(url("/a"), Validators.NONE)).maxAge())
                .contains(Duration.ofHours(1));
        assertThat(((Fetched) fetcher.fetch(url("/a"), Validators.NONE)).maxAge())
                .isEmpty();
    }

    @Test
    void readsExpiresFromDateWhenThereIsNoMaxAge() {
        String date = "Sun, 01 Mar 2026 12:00:00 GMT";
        // Expires 20 minutes after the Date: a lifetime of 20 minutes.
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Date", date)
                .addHeader("Expires", "Sun, 01 Mar 2026 12:20:00 GMT")
                .body(FEED)
                .build());
        // A 304 says the same.
        server.enqueue(new MockResponse.Builder()
                .code(304)
                .addHeader("Date", date)
                .addHeader("Expires", "Sun, 01 Mar 2026 14:00:00 GMT")
                .build());
        // max-age wins over Expires.
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Date", date)
                .addHeader("Cache-Control", "max-age=60")
                .addHeader("Expires", "Sun, 01 Mar 2026 14:00:00 GMT")
                .body(FEED)
                .build());
        // no-cache forbids reuse whatever Expires says.
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Date", date)
                .addHeader("Cache-Control", "no-cache")
                .addHeader("Expires", "Sun, 01 Mar 2026 14:00:00 GMT")
                .body(FEED)
                .build());
        // "0" (no date) and a past date: expired, a lifetime of zero.
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Date", date)
                .addHeader("Expires", "0")
                .body(FEED)
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Date", date)
                .addHeader("Expires", "Sun, 01 Mar 2026 11:00:00 GMT")
                .body(FEED)
                .build());

        assertThat(((Fetched) fetcher.fetch(url("/a"), Validators.NONE)).maxAge())
                .contains(Duration.ofMinutes(20));
        assertThat(((NotModified) fetcher.fetch(url("/a"), Validators.NONE)).maxAge())
                .contains(Duration.ofHours(2));
        assertThat(((Fetched) fetcher.fetch(url("/a"), Validators.NONE)).maxAge())
                .contains(Duration.ofMinutes(1));
        assertThat(((Fetched) fetcher.fetch(url("/a"), Validators.NONE)).maxAge())
                .isEmpty();
        assertThat(((Fetched) fetcher.fetch(url("/a"), Validators.NONE)).maxAge())
                .contains(Duration.ZERO);
        assertThat(((Fetched) fetcher.fetch(url("/a"), Validators.NONE)).maxAge())
                .contains(Duration.ZERO);
    }

    @Test
    void advertisesAndDecodesBrotli() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Encoding", "br")
                .body(new Buffer().write(resource("brotli.atom.br")))
                .build());

        Fetched fetched = (Fetched) fetcher.fetch(url("/feed"), Validators.NONE);

        assertThat(fetched.body()).isEqualTo(resource("brotli.atom"));
        var request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("Accept-Encoding")).contains("br").contains("gzip");
        assertThat(request.getVersion()).isEqualTo("HTTP/1.1");
    }

    @Test
    void stopsABrotliBombAtTheLimit() {
        // 206 bytes of brotli hold 419 bytes of feed; a 256-byte limit must stop it decoded.
        try (HttpFetcher strict = new HttpFetcher(FetchSettings.defaults().withMaxBodyBytes(256))) {
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Encoding", "br")
                    .body(new Buffer().write(resource("brotli.atom.br")))
                    .build());

            assertThat(strict.fetch(url("/feed"), Validators.NONE))
                    .isEqualTo(new Failed("response larger than 256 bytes", OptionalInt.of(200)));
        }
    }

    @Test
    void reportsBadBrotliInWords() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Encoding", "br")
                .body("this is not brotli at all, just text")
                .build());

        assertThat(fetcher.fetch(url("/feed"), Validators.NONE))
                .isInstanceOfSatisfying(Failed.class, f -> assertThat(f.reason())
                        .isEqualTo("badly compressed response (br): Corrupted padding bits"));
    }

    @Test
    void aRedirectKeepsTheRedirectsOfAFailure() {
        server.enqueue(redirect(301, "/new"));
        server.enqueue(new MockResponse.Builder().code(404).build());

        Failed failed = (Failed) fetcher.fetch(url("/old"), Validators.NONE);

        assertThat(failed.httpStatus()).isEqualTo(OptionalInt.of(404));
        assertThat(failed.redirects()).containsExactly(new Redirect(url("/old"), 301, url("/new")));
        assertThat(failed.retryAfter()).isEqualTo(Optional.empty());
    }

    private static byte[] resource(String name) {
        try (InputStream in = HttpFetcherResponsesTest.class.getResourceAsStream("/fetch/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
