package org.orrery.fetch;

import java.net.InetAddress;

/** Decides whether a host name may be reached at an address it resolved to. */
@FunctionalInterface
public interface AddressPolicy {
    /** Public addresses only: the rule for every feed whose URL does not name a private one. */
    AddressPolicy PUBLIC_ONLY = (host, address) -> !PrivateAddresses.isPrivate(address);

    boolean permits(String host, InetAddress address);
}
