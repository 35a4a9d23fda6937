package org.orrery.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves names through another resolver and refuses those that lead to an address the
 * policy forbids. Checking here, after resolution and right before connecting, also stops
 * a name that resolved to a public address a moment ago (DNS rebinding).
 */
final class GuardedDnsResolver implements DnsResolver {
    private final DnsResolver delegate;
    private final AddressPolicy policy;

    GuardedDnsResolver(DnsResolver delegate, AddressPolicy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = delegate.resolve(host);
        for (InetAddress address : addresses) {
            if (!policy.permits(host, address)) {
                throw new RefusedAddressException(host, address);
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }

    /** A name resolved to an address the policy forbids. */
    static final class RefusedAddressException extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        RefusedAddressException(String host, InetAddress address) {
            super(host.equals(address.getHostAddress()) ? host : host + " resolves to " + address.getHostAddress());
        }
    }
}
