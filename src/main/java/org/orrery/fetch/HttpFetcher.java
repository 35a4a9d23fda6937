package org.orrery.fetch;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.cookie.CookieSpecFactory;
import org.apache.hc.client5.http.entity.BrotliInputStreamFactory;
import org.apache.hc.client5.http.entity.DeflateInputStreamFactory;
import org.apache.hc.client5.http.entity.GZIPInputStreamFactory;
import org.apache.hc.client5.http.entity.InputStreamFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.orrery.fetch.FetchResult.Failed;
import org.orrery.fetch.FetchResult.Fetched;
import org.orrery.fetch.FetchResult.NotModified;
import org.orrery.model.Validators;

/**
 * Fetches {@code http:} and {@code https:} feeds with Apache HttpClient 5 (HTTP/1.1, pooled,
 * one blocking call per virtual thread), and {@code file:} feeds from disk.
 *
 * <p>Redirects are followed here, hop by hop (at most 10, no loops, http and https only), so
 * each hop's status is reported and each target checked: unless private addresses are allowed,
 * a hop whose URL names one is refused before any request, and names are resolved through a
 * {@link GuardedDnsResolver} that refuses private addresses just before connecting. Bodies are
 * decoded (gzip, deflate, br) and capped at {@link FetchSettings#maxBodyBytes()} after
 * decoding; response heads are bounded too. At most {@link FetchSettings#maxConnectionsPerHost()}
 * requests run at once to a host, in turn; every fetch, redirects included, is abandoned once
 * it has held a connection slot for {@link FetchSettings#timeout()}, however slowly its bytes
 * keep coming (see {@link FetchDeadline}). No cookies, no automatic retries, no
 * protocol upgrade. HTTP/2 would need the async client, which this blocking design avoids.
 */
public final class HttpFetcher implements Fetcher {
    /** Feed types first; servers that ignore {@code Accept} still get to send anything. */
    static final String ACCEPT = "application/atom+xml, application/rss+xml, application/feed+json,"
            + " application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1";

    static final int MAX_REDIRECTS = 10;

    /**
     * The longest line of a response head (the status line, a header with its continuation
     * lines, a chunk's size line): HttpClient's default has no limit, so one endless header
     * filled the heap. Servers' own limits for a request's lines are near 8 KiB.
     */
    static final int MAX_HEADER_LINE_CHARS = 16 * 1024;

    /** The most headers a response may have (Apache httpd accepts 100 in a request). */
    static final int MAX_HEADER_COUNT = 200;

    private final FetchSettings settings;
    private final CloseableHttpClient publicOnly;
    private final CloseableHttpClient anyAddress;
    private final InstantSource clock;
    private final ScheduledExecutorService deadlines;
    private final HostSlots slots;
    private final FileFetcher files;

    public HttpFetcher(FetchSettings settings) {
        this(settings, SystemDefaultDnsResolver.INSTANCE, AddressPolicy.PUBLIC_ONLY, InstantSource.system());
    }

    /**
     * @param dns how names are resolved (tests map made-up names to loopback)
     * @param policy which resolved addresses a fetch that may not reach private ones accepts
     */
    HttpFetcher(FetchSettings settings, DnsResolver dns, AddressPolicy policy, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
        var tls = new LazyTls();
        this.publicOnly = client(settings, new GuardedDnsResolver(dns, policy), tls);
        this.anyAddress = client(settings, dns, tls);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "orrery-fetch-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.deadlines = timer;
        this.slots = new HostSlots(settings.maxConnectionsPerHost());
        this.files = new FileFetcher(settings.maxBodyBytes());
    }

    private static CloseableHttpClient client(FetchSettings settings, DnsResolver dns, TlsSocketStrategy tls) {
        Timeout timeout = Timeout.of(settings.timeout());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(dns)
                .setTlsSocketStrategy(tls)
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom()
                                .setMaxLineLength(MAX_HEADER_LINE_CHARS)
                                .setMaxHeaderCount(MAX_HEADER_COUNT)
                                .build())
                        .build())
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnectionsPerHost())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout)
                        .setSocketTimeout(timeout)
                        .build())
                .setDefaultTlsConfig(
                        TlsConfig.custom().setHandshakeTimeout(timeout).build())
                .build();
        RequestConfig requests = RequestConfig.custom()
                .setConnectionRequestTimeout(timeout)
                .setResponseTimeout(timeout)
                .setRedirectsEnabled(false)
                .setProtocolUpgradeEnabled(false)
                .setHardCancellationEnabled(true)
                .build();
        var decoders = new LinkedHashMap<String, InputStreamFactory>();
        decoders.put("gzip", GZIPInputStreamFactory.getInstance());
        decoders.put("x-gzip", GZIPInputStreamFactory.getInstance());
        decoders.put("deflate", DeflateInputStreamFactory.getInstance());
        decoders.put("br", BrotliInputStreamFactory.getInstance());
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(requests)
                .setContentDecoderRegistry(decoders)
                .setUserAgent(settings.userAgent())
                .disableRedirectHandling()
                .disableCookieManagement()
                // Without cookies no cookie rules are needed; the default ones load the public
                // suffix list, a fiftieth of a second of every run.
                .setDefaultCookieSpecRegistry(
                        RegistryBuilder.<CookieSpecFactory>create().build())
                .disableAutomaticRetries()
                .disableAuthCaching()
                .build();
    }

    @Override
    public FetchResult fetch(URI uri, Validators validators, boolean privateAllowed) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "https" -> fetchHttp(uri, validators, privateAllowed);
            case "file" -> files.fetch(uri);
            case "" -> new Failed("not an absolute URL: " + uri, OptionalInt.empty());
            default -> new Failed("unsupported URL scheme: " + scheme, OptionalInt.empty());
        };
    }

    private FetchResult fetchHttp(URI uri, Validators sent, boolean privateAllowed) {
        FetchDeadline deadline = new FetchDeadline(deadlines, settings.timeout());
        List<Redirect> hops = new ArrayList<>();
        try {
            return follow(uri, sent, privateAllowed, deadline, hops);
        } catch (IOException e) {
            String reason = deadline.overdue()
                    ? Reasons.timedOut(settings.timeout())
                    : Thread.currentThread().isInterrupted() ? "interrupted" : Reasons.of(e, settings.timeout());
            return new Failed(reason, OptionalInt.empty(), hops, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted", OptionalInt.empty(), hops, Optional.empty());
        } catch (RuntimeException e) {
            // A request cancelled at its deadline may end in the client's own state checks.
            if (deadline.overdue()) {
                return new Failed(Reasons.timedOut(settings.timeout()), OptionalInt.empty(), hops, Optional.empty());
            }
            throw e;
        }
    }

    private FetchResult follow(
            URI uri, Validators sent, boolean privateAllowed, FetchDeadline deadline, List<Redirect> hops)
            throws IOException, InterruptedException {
        CloseableHttpClient client = privateAllowed ? anyAddress : publicOnly;
        Set<URI> seen = new HashSet<>();
        URI at = uri;
        while (true) {
            if (at.getHost() == null) {
                return failed("URL has no valid host name: " + at, hops);
            }
            if (!privateAllowed && PrivateAddresses.namedBy(at)) {
                return failed("refused to reach a private address: " + at.getHost(), hops);
            }
            seen.add(at);
            HttpGet request = new HttpGet(at);
            request.setVersion(HttpVersion.HTTP_1_1);
            request.setHeader(HttpHeaders.ACCEPT, ACCEPT);
            sent.etag().ifPresent(etag -> request.setHeader(HttpHeaders.IF_NONE_MATCH, etag));
            sent.lastModified().ifPresent(date -> request.setHeader(HttpHeaders.IF_MODIFIED_SINCE, date));
            URI to;
            try (var slot = slots.take(at)) {
                if (!deadline.start(request)) {
                    return failed(Reasons.timedOut(settings.timeout()), hops);
                }
                try {
                    Hop hop = hop(client, request, at, sent, seen, hops);
                    if (hop instanceof Hop.Done done) {
                        return done.result();
                    }
                    to = ((Hop.Redirected) hop).to();
                } finally {
                    deadline.stop();
                }
            }
            at = to;
        }
    }

    /** What one request came to: the fetch's result, or a redirect to follow. */
    private sealed interface Hop {
        record Done(FetchResult result) implements Hop {}

        record Redirected(URI to) implements Hop {}
    }

    /** Sends {@code request} to {@code at} and reads its answer, body included. */
    private Hop hop(
            CloseableHttpClient client, HttpGet request, URI at, Validators sent, Set<URI> seen, List<Redirect> hops)
            throws IOException {
        ClassicHttpResponse response = client.executeOpen(null, request, null);
        FetchResult result = null;
        try {
            Optional<URI> next;
            try {
                next = redirectTarget(response, at);
            } catch (URISyntaxException | IllegalArgumentException e) {
                result = failed("invalid redirect from " + at + ": " + e.getMessage(), hops);
                return new Hop.Done(result);
            }
            if (next.isEmpty()) {
                result = interpret(response, at, sent, hops);
                return new Hop.Done(result);
            }
            URI to = next.get();
            hops.add(new Redirect(at, response.getCode(), to));
            String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                result = failed("redirected to an unsupported URL scheme: " + to, hops);
            } else if (seen.contains(to)) {
                result = failed("redirect loop: " + at + " → " + to + " (visited before)", hops);
            } else if (hops.size() > MAX_REDIRECTS) {
                result = failed("too many redirects: more than " + MAX_REDIRECTS + ", the last to " + to, hops);
            }
            return result != null ? new Hop.Done(result) : new Hop.Redirected(to);
        } finally {
            if (result instanceof Fetched || result instanceof NotModified) {
                response.close();
            } else {
                // Drop the connection rather than read the rest of a body we will not use.
                request.cancel();
                closeCancelled(response);
            }
        }
    }

    /** The resolved Location of a 3xx redirect, or empty when the response is final. */
    private static Optional<URI> redirectTarget(ClassicHttpResponse response, URI at) throws URISyntaxException {
        int status = response.getCode();
        boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        Header location = response.getFirstHeader(HttpHeaders.LOCATION);
        if (!redirect || location == null) {
            return Optional.empty();
        }
        return Optional.of(at.resolve(new URI(location.getValue().strip())).normalize());
    }

    private FetchResult interpret(ClassicHttpResponse response, URI uri, Validators sent, List<Redirect> hops)
            throws IOException {
        int status = response.getCode();
        if (status == HttpStatus.SC_NOT_MODIFIED) {
            // RFC 9111 §4.3.4: a 304 may carry fresher validators; keep ours where it does not.
            Validators received = validators(response);
            return new NotModified(
                    new Validators(
                            received.etag().or(sent::etag),
                            received.lastModified().or(sent::lastModified)),
                    hops,
                    ResponseHeaders.maxAge(response));
        }
        if (status != HttpStatus.SC_OK) {
            var retryAfter = status == 429 || status == 503
                    ? ResponseHeaders.retryAfter(response, clock.instant())
                    : Optional.<Duration>empty();
            return new Failed(
                    Reasons.httpStatus(status, response.getReasonPhrase()), OptionalInt.of(status), hops, retryAfter);
        }
        HttpEntity entity = response.getEntity();
        Optional<byte[]> body =
                entity == null ? Optional.of(new byte[0]) : Bodies.read(entity.getContent(), settings.maxBodyBytes());
        if (body.isEmpty()) {
            return new Failed(
                    "response larger than " + Bodies.size(settings.maxBodyBytes()),
                    OptionalInt.of(status),
                    hops,
                    Optional.empty());
        }
        return new Fetched(
                body.get(),
                entity == null ? Optional.empty() : charset(entity),
                uri,
                validators(response),
                OptionalInt.of(status),
                hops,
                ResponseHeaders.maxAge(response));
    }

    private static Failed failed(String reason, List<Redirect> hops) {
        return new Failed(reason, OptionalInt.empty(), hops, Optional.empty());
    }

    private static void closeCancelled(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            // Expected: the request was cancelled, so its socket is already shut. Nothing to report.
        }
    }

    private static Validators validators(ClassicHttpResponse response) {
        return new Validators(header(response, HttpHeaders.ETAG), header(response, HttpHeaders.LAST_MODIFIED));
    }

    private static Optional<String> header(ClassicHttpResponse response, String name) {
        return Optional.ofNullable(response.getFirstHeader(name)).map(Header::getValue);
    }

    private static Optional<String> charset(HttpEntity entity) {
        return Optional.ofNullable(entity.getContentType())
                .map(ContentType::parseLenient)
                .map(type -> type.getParameter("charset"))
                .map(String::strip)
                .filter(name -> !name.isEmpty());
    }

    /**
     * Java's default TLS (the system's trust store, host names verified), set up when the first
     * https connection needs it and shared by both clients: loading the trust store took a
     * tenth of a second of every start, twice, and a planet of http feeds never needs it.
     */
    private static final class LazyTls implements TlsSocketStrategy {
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

    /** Closes the connection pools; fetches still running fail. */
    @Override
    public void close() {
        deadlines.shutdownNow();
        publicOnly.close(CloseMode.GRACEFUL);
        anyAddress.close(CloseMode.GRACEFUL);
    }
}
