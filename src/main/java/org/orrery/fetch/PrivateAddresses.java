package org.orrery.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Addresses a feed from the internet must not make us reach: loopback, private, link-local,
 * carrier-grade NAT, unique-local IPv6, multicast and reserved ranges (RFC 6890).
 */
public final class PrivateAddresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private PrivateAddresses() {}

    public static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        return switch (address) {
            case Inet4Address v4 -> privateV4(b);
            case Inet6Address v6 -> privateV6(b);
            default -> true;
        };
    }

    private static boolean privateV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network"
                || first == 10
                || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || first >= 240; // reserved and broadcast
    }

    private static boolean privateV6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) { // fc00::/7, unique local
            return true;
        }
        // ::a.b.c.d (IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64) reach the IPv4 host they embed.
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
        }
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = b[i] == 0;
        }
        if (compatible || nat64) {
            try {
                return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("four bytes are always an IPv4 address", e);
            }
        }
        return false;
    }

    /**
     * Whether the URL itself names a private address: a literal IP in a private range, or
     * {@code localhost}. A maintainer who writes such a URL in the config means it; a name that
     * merely resolves to one does not count (DNS belongs to whoever owns the name).
     */
    public static boolean namedBy(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        return literal(host).map(PrivateAddresses::isPrivate).orElse(false);
    }

    /** The address a host names without DNS: a dotted IPv4 literal or a bracketed IPv6 one. */
    static Optional<InetAddress> literal(String host) {
        boolean v6 = host.startsWith("[") && host.endsWith("]");
        if (!v6 && !IPV4.matcher(host).matches()) {
            return Optional.empty();
        }
        try {
            // Literals are parsed, never looked up.
            return Optional.of(InetAddress.getByName(v6 ? host.substring(1, host.length() - 1) : host));
        } catch (UnknownHostException e) {
            return Optional.empty(); // not a valid literal (e.g. 999.1.1.1): DNS will say so
        }
    }
}
