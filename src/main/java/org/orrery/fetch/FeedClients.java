package org.orrery.fetch;

import java.util.LinkedHashMap;
import org.apache.hc.client5.http.DnsResolver;
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
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The two pooled HttpClient 5 clients of an {@link HttpFetcher}, alike but for name resolution:
 * one resolves through a {@link GuardedDnsResolver} and so reaches public addresses only, the
 * other reaches any. Both decode gzip, deflate and br, bound response heads, and neither
 * follows redirects, keeps cookies, retries or upgrades the protocol.
 */
final class FeedClients implements AutoCloseable {
    /**
     * The longest line of a response head (the status line, a header with its continuation
     * lines, a chunk's size line): HttpClient's default has no limit, so one endless header
     * filled the heap. Servers' own limits for a request's lines are near 8 KiB.
     */
    static final int MAX_HEADER_LINE_CHARS = 16 * 1024;

    /** The most headers a response may have (Apache httpd accepts 100 in a request). */
    static final int MAX_HEADER_COUNT = 200;

    private final CloseableHttpClient publicOnly;
    private final CloseableHttpClient anyAddress;

    /**
     * @param dns how names are resolved (tests map made-up names to loopback)
     * @param policy which resolved addresses the public-only client accepts
     */
    FeedClients(FetchSettings settings, DnsResolver dns, AddressPolicy policy) {
        var tls = new LazyTls();
        this.publicOnly = client(settings, new GuardedDnsResolver(dns, policy), tls);
        this.anyAddress = client(settings, dns, tls);
    }

    /** The client for a fetch that may, or may not, reach private addresses. */
    CloseableHttpClient reaching(boolean privateAllowed) {
        return privateAllowed ? anyAddress : publicOnly;
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

    /** Closes both connection pools; requests still running fail. */
    @Override
    public void close() {
        publicOnly.close(CloseMode.GRACEFUL);
        anyAddress.close(CloseMode.GRACEFUL);
    }
}
