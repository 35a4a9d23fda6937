package org.orrery.fetch;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.protocol.RedirectLocations;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.orrery.fetch.FetchResult.Failed;
import org.orrery.fetch.FetchResult.Fetched;
import org.orrery.fetch.FetchResult.NotModified;
import org.orrery.model.Validators;

/**
 * Fetches {@code http:} and {@code https:} feeds with Apache HttpClient 5 (pooled, one blocking
 * call per virtual thread), and {@code file:} feeds from disk.
 *
 * <p>Redirects are followed (at most 10, no loops), gzip and deflate decoded, bodies capped at
 * {@link FetchSettings#maxBodyBytes()} after decoding, and every request abandoned once
 * {@link FetchSettings#timeout()} has passed, however slowly its bytes keep coming (time spent
 * waiting for a free pooled connection counts too). No cookies,
 * no automatic retries, no protocol upgrade.
 */
public final class HttpFetcher implements Fetcher {
    /** Feed types first; servers that ignore {@code Accept} still get to send anything. */
    static final String ACCEPT = "application/atom+xml, application/rss+xml, application/feed+json,"
            + " application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1";

    static final int MAX_REDIRECTS = 10;

    private final FetchSettings settings;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final FileFetcher files;

    public HttpFetcher(FetchSettings settings) {
        this.settings = settings;
        Timeout timeout = Timeout.of(settings.timeout());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
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
                .setMaxRedirects(MAX_REDIRECTS)
                .setCircularRedirectsAllowed(false)
                .setProtocolUpgradeEnabled(false)
                .setHardCancellationEnabled(true)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(requests)
                .setUserAgent(settings.userAgent())
                .disableCookieManagement()
                .disableAutomaticRetries()
                .disableAuthCaching()
                .build();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "orrery-fetch-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.deadlines = timer;
        this.files = new FileFetcher(settings.maxBodyBytes());
    }

    @Override
    public FetchResult fetch(URI uri, Validators validators) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "https" -> fetchHttp(uri, validators);
            case "file" -> files.fetch(uri);
            case "" -> new Failed("not an absolute URL: " + uri, OptionalInt.empty());
            default -> new Failed("unsupported URL scheme: " + scheme, OptionalInt.empty());
        };
    }

    private FetchResult fetchHttp(URI uri, Validators sent) {
        if (uri.getHost() == null) {
            return new Failed("URL has no valid host name: " + uri, OptionalInt.empty());
        }
        HttpGet request = new HttpGet(uri);
        request.setHeader(HttpHeaders.ACCEPT, ACCEPT);
        sent.etag().ifPresent(etag -> request.setHeader(HttpHeaders.IF_NONE_MATCH, etag));
        sent.lastModified().ifPresent(date -> request.setHeader(HttpHeaders.IF_MODIFIED_SINCE, date));
        HttpClientContext context = HttpClientContext.create();
        AtomicBoolean overdue = new AtomicBoolean();
        // Socket timeouts only bound the gap between two reads; this bounds the whole exchange.
        ScheduledFuture<?> deadline = deadlines.schedule(
                () -> {
                    overdue.set(true);
                    request.cancel();
                },
                settings.timeout().toNanos(),
                NANOSECONDS);
        try {
            return exchange(request, context, uri, sent);
        } catch (IOException e) {
            String reason = overdue.get()
                    ? Reasons.timedOut(settings.timeout())
                    : Thread.currentThread().isInterrupted() ? "interrupted" : Reasons.of(e, settings.timeout());
            return new Failed(reason, OptionalInt.empty());
        } finally {
            deadline.cancel(false);
        }
    }

    private FetchResult exchange(HttpGet request, HttpClientContext context, URI uri, Validators sent)
            throws IOException {
        ClassicHttpResponse response = client.executeOpen(null, request, context);
        FetchResult result = null;
        try {
            result = interpret(response, context, uri, sent);
            return result;
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

    private FetchResult interpret(ClassicHttpResponse response, HttpClientContext context, URI uri, Validators sent)
            throws IOException {
        int status = response.getCode();
        if (status == HttpStatus.SC_NOT_MODIFIED) {
            // RFC 9111 §4.3.4: a 304 may carry fresher validators; keep ours where it does not.
            Validators received = validators(response);
            return new NotModified(new Validators(
                    received.etag().or(sent::etag), received.lastModified().or(sent::lastModified)));
        }
        if (status != HttpStatus.SC_OK) {
            return new Failed(Reasons.httpStatus(status, response.getReasonPhrase()), OptionalInt.of(status));
        }
        HttpEntity entity = response.getEntity();
        Optional<byte[]> body =
                entity == null ? Optional.of(new byte[0]) : Bodies.read(entity.getContent(), settings.maxBodyBytes());
        if (body.isEmpty()) {
            return new Failed("response larger than " + Bodies.size(settings.maxBodyBytes()), OptionalInt.of(status));
        }
        return new Fetched(
                body.get(), charset(entity), finalUri(context, uri), validators(response), OptionalInt.of(status));
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

    private static URI finalUri(HttpClientContext context, URI requested) {
        RedirectLocations hops = context.getRedirectLocations();
        List<URI> all = hops == null ? List.of() : hops.getAll();
        return all.isEmpty() ? requested : all.getLast();
    }

    /** Closes the connection pool; fetches still running fail. */
    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.GRACEFUL);
    }
}
