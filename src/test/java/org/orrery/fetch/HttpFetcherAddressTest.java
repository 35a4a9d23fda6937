package org.orrery.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.fetch.LoopbackServer.redirect;
import static org.orrery.fetch.LoopbackServer.send;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.fetch.FetchResult.Failed;
import org.orrery.fetch.FetchResult.Fetched;
import org.orrery.model.Validators;

/**
 * A feed on the internet must not make the planet reach its own network. No test may reach the
 * internet, so the "public" feed here is a loopback server under a made-up name: a test DNS
 * resolver maps {@code feeds.example.com} (and {@code internal.example.com}) to 127.0.0.1, and
 * the policy treats exactly the name {@code feeds.example.com} as public, applying the real rule
 * to every other host. What is tested is that everything else a redirect or a name leads to is
 * judged by the real rule, before any request reaches it.
 */
class HttpFetcherAddressTest {
    private static final String FEED = "<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title></feed>";
    private static final String PUBLIC = "feeds.example.com";

    private LoopbackServer outside;
    private LoopbackServer inside;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        outside = new LoopbackServer();
        inside = new LoopbackServer();
        inside.serve("/secret", exchange -> send(exchange, 200, FEED.getBytes(UTF_8)));
        DnsResolver dns = new DnsResolver() {
            private final Map<String, InetAddress> names = Map.of(
                    PUBLIC, InetAddress.getLoopbackAddress(), "internal.example.com", InetAddress.getLoopbackAddress());

            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress address = names.get(host);
                return address != null ? new InetAddress[] {address} : SystemDefaultDnsResolver.INSTANCE.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        AddressPolicy publicByName =
                (host, address) -> host.equals(PUBLIC) || AddressPolicy.PUBLIC_ONLY.permits(host, address);
        fetcher = new HttpFetcher(
                FetchSettings.defaults().withTimeout(Duration.ofSeconds(5)), dns, publicByName, InstantSource.system());
    }

    @AfterEach
    void stop() {
        fetcher.close();
        outside.close();
        inside.close();
    }

    private URI outsideUrl(String path) {
        return URI.create("http://" + PUBLIC + ":" + outside.port() + path);
    }

    private URI insideUrl(String host) {
        return URI.create("http://" + host + ":" + inside.port() + "/secret");
    }

    @Test
    void theMadeUpPublicFeedIsReachableAndMayRedirectWithinItself() {
        outside.serve("/feed", exchange -> send(exchange, 200, FEED.getBytes(UTF_8)));
        outside.serve(
                "/old", exchange -> redirect(exchange, 301, outsideUrl("/feed").toString()));

        assertThat(fetcher.fetch(outsideUrl("/old"), Validators.NONE))
                .isInstanceOfSatisfying(
                        Fetched.class, f -> assertThat(f.finalUri()).isEqualTo(outsideUrl("/feed")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "[::1]", "internal.example.com"})
    void refusesARedirectFromAPublicFeedToAnInternalAddress(String internalHost) {
        outside.serve(
                "/feed",
                exchange -> redirect(exchange, 302, insideUrl(internalHost).toString()));

        FetchResult result = fetcher.fetch(outsideUrl("/feed"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.reason()).startsWith("refused to reach a private address: ");
            assertThat(f.redirects()).hasSize(1);
        });
        assertThat(inside.received()).isEmpty();
    }

    @Test
    void refusesAConfiguredNameThatResolvesToAnInternalAddress() {
        FetchResult result = fetcher.fetch(insideUrl("internal.example.com"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(Failed.class, f -> assertThat(f.reason())
                .isEqualTo("refused to reach a private address: internal.example.com resolves to 127.0.0.1"
                        + " (allow_private_addresses = yes permits it)"));
        assertThat(inside.received()).isEmpty();
    }

    @Test
    void aConfiguredUrlNamingALoopbackAddressIsFetched() {
        assertThat(fetcher.fetch(insideUrl("127.0.0.1"), Validators.NONE)).isInstanceOf(Fetched.class);
        assertThat(fetcher.fetch(insideUrl("localhost"), Validators.NONE)).isInstanceOf(Fetched.class);
    }

    @Test
    void aPlanetThatAllowsPrivateAddressesFollowsTheRedirect() {
        outside.serve(
                "/feed",
                exchange -> redirect(
                        exchange, 302, insideUrl("internal.example.com").toString()));

        assertThat(fetcher.fetch(outsideUrl("/feed"), Validators.NONE, true)).isInstanceOf(Fetched.class);
        assertThat(inside.received()).hasSize(1);
    }
}
