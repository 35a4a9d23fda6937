package org.orrery.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpVersion;
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
 * decoding; response heads are bounded too (see {@link FeedClients}). At most {@link FetchSettings#maxConnectionsPerHost()}
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

    private final FetchSettings settings;
    private final FeedClients clients;
    private final ResponseReader responses;
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
        this.clients = new FeedClients(settings, dns, policy);
        this.responses = new ResponseReader(settings.maxBodyBytes(), clock);
        this.deadlines = FetchDeadline.timer();
        this.slots = new HostSlots(settings.maxConnectionsPerHost());
        this.files = new FileFetcher(settings.maxBodyBytes());
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
        RedirectChain chain = new RedirectChain(MAX_REDIRECTS);
        try {
            return follow(uri, sent, privateAllowed, deadline, chain);
        } catch (IOException e) {
            String reason = deadline.overdue()
                    ? Reasons.timedOut(settings.timeout())
                    : Thread.currentThread().isInterrupted() ? "interrupted" : Reasons.of(e, settings.timeout());
            return failed(reason, chain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted", chain);
        } catch (RuntimeException e) {
            // A request cancelled at its deadline may end in the client's own state checks.
            if (deadline.overdue()) {
                return failed(Reasons.timedOut(settings.timeout()), chain);
            }
            throw e;
        }
    }

    @SuppressWarnings("try") // the host's slot is held while the request runs, not used
    private FetchResult follow(
            URI uri, Validators sent, boolean privateAllowed, FetchDeadline deadline, RedirectChain chain)
            throws IOException, InterruptedException {
        CloseableHttpClient client = clients.reaching(privateAllowed);
        URI at = uri;
        while (true) {
            if (at.getHost() == null) {
                return failed("URL has no valid host name: " + at, chain);
            }
            if (!privateAllowed && PrivateAddresses.namedBy(at)) {
                return failed("refused to reach a private address: " + at.getHost(), chain);
            }
            chain.visit(at);
            HttpGet request = request(at, sent);
            URI to;
            try (var slot = slots.take(at)) {
                if (!deadline.start(request)) {
                    return failed(Reasons.timedOut(settings.timeout()), chain);
                }
                try {
                    Hop hop = hop(client, request, at, sent, chain);
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

    /** A conditional GET of {@code at} when {@code sent} holds validators, else a plain one. */
    private static HttpGet request(URI at, Validators sent) {
        HttpGet request = new HttpGet(at);
        request.setVersion(HttpVersion.HTTP_1_1);
        request.setHeader(HttpHeaders.ACCEPT, ACCEPT);
        sent.etag().ifPresent(etag -> request.setHeader(HttpHeaders.IF_NONE_MATCH, etag));
        sent.lastModified().ifPresent(date -> request.setHeader(HttpHeaders.IF_MODIFIED_SINCE, date));
        return request;
    }

    /** What one request came to: the fetch's result, or a redirect to follow. */
    private sealed interface Hop {
        record Done(FetchResult result) implements Hop {}

        record Redirected(URI to) implements Hop {}
    }

    /** Sends {@code request} to {@code at} and reads its answer, body included. */
    private Hop hop(CloseableHttpClient client, HttpGet request, URI at, Validators sent, RedirectChain chain)
            throws IOException {
        ClassicHttpResponse response = client.executeOpen(null, request, null);
        FetchResult result = null;
        try {
            Optional<URI> next;
            try {
                next = RedirectChain.target(response, at);
            } catch (URISyntaxException | IllegalArgumentException e) {
                result = failed("invalid redirect from " + at + ": " + e.getMessage(), chain);
                return new Hop.Done(result);
            }
            if (next.isEmpty()) {
                result = responses.read(response, at, sent, chain.hops());
                return new Hop.Done(result);
            }
            Optional<String> refused = chain.follow(new Redirect(at, response.getCode(), next.get()));
            if (refused.isPresent()) {
                result = failed(refused.get(), chain);
                return new Hop.Done(result);
            }
            return new Hop.Redirected(next.get());
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

    private static Failed failed(String reason, RedirectChain chain) {
        return new Failed(reason, OptionalInt.empty(), chain.hops(), Optional.empty());
    }

    private static void closeCancelled(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            // Expected: the request was cancelled, so its socket is already shut. Nothing to report.
        }
    }

    /** Closes the connection pools; fetches still running fail. */
    @Override
    public void close() {
        deadlines.shutdownNow();
        clients.close();
    }
}
