package org.orrery.serve;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.orrery.fetch.FetchResult;
import org.orrery.fetch.Fetcher;
import org.orrery.fetch.PrivateAddresses;
import org.orrery.model.Validators;
import org.orrery.parse.HubLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fetcher that tells a {@link WebSubscriber} of the hubs each feed it fetches names (WebSub
 * §4: the response's {@code Link} headers, else the feed's own links). A 304 names none: the
 * subscription made when the feed was last fetched whole stands.
 */
final class WebSubDiscovery implements Fetcher {
    private static final Logger log = LoggerFactory.getLogger(WebSubDiscovery.class);

    private final Fetcher fetcher;
    private final WebSubscriber subscriber;

    WebSubDiscovery(Fetcher fetcher, WebSubscriber subscriber) {
        this.fetcher = fetcher;
        this.subscriber = subscriber;
    }

    @Override
    public FetchResult fetch(URI uri, Validators validators, boolean privateAllowed) {
        FetchResult result = fetcher.fetch(uri, validators, privateAllowed);
        if (result instanceof FetchResult.Fetched f && !subscriber.closed()) {
            try {
                subscriber.discovered(uri, HubLinks.of(f.links(), f.body(), f.finalUri()), privateAllowed);
            } catch (RuntimeException e) {
                // Subscribing is a bonus on top of polling: the fetch stands.
                log.warn("serve: WebSub discovery for {} failed: {}", uri, e.toString(), e);
            }
        }
        return result;
    }

    /** Whether {@code hub} is, or resolves to, a loopback, private or link-local address. */
    static boolean privateHost(URI hub) {
        if (PrivateAddresses.namedBy(hub)) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(hub.getHost())) {
                if (PrivateAddresses.isPrivate(address)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException | RuntimeException e) {
            return true; // a hub that cannot be found cannot be subscribed to either
        }
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
