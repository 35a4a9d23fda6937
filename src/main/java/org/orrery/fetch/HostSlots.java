package org.orrery.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * At most so many requests at once to one scheme, host and port (a connection pool's route),
 * taken in turn: a fetch waits here for its turn, before its time starts (see {@link
 * FetchDeadline}), so feeds that hang cannot use up the time of healthy feeds on their host.
 */
final class HostSlots {
    private final int perHost;
    private final ConcurrentHashMap<String, Semaphore> hosts = new ConcurrentHashMap<>();

    HostSlots(int perHost) {
        this.perHost = perHost;
    }

    /** A slot of {@code uri}'s host, once one is free; closing it gives it back. */
    Slot take(URI uri) throws InterruptedException {
        Semaphore slots = hosts.computeIfAbsent(route(uri), k -> new Semaphore(perHost, true));
        slots.acquire();
        return slots::release;
    }

    /** A slot held; closing gives it back. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private static String route(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
