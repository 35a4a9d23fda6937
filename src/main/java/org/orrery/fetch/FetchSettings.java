package org.orrery.fetch;

import java.time.Duration;
import java.util.Objects;
import org.orrery.model.Version;

/**
 * How {@link HttpFetcher} behaves: its time limit, how it names itself, how many connections
 * it opens and how large a feed may be.
 *
 * @param timeout the limit for connecting, for each read, and for the whole request once it has
 *     its host's connection slot
 * @param userAgent the {@code User-Agent} header sent with every request
 * @param maxConnections open connections across all hosts
 * @param maxConnectionsPerHost open connections to one scheme, host and port
 * @param maxBodyBytes the largest body accepted, counted after decompression
 */
public record FetchSettings(
        Duration timeout, String userAgent, int maxConnections, int maxConnectionsPerHost, long maxBodyBytes) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_HOST = 4;
    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

    public FetchSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(userAgent, "userAgent");
        if (timeout.isNegative() || timeout.toMillis() == 0) {
            throw new IllegalArgumentException("timeout must be at least 1 ms: " + timeout);
        }
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent is blank");
        }
        if (maxConnectionsPerHost < 1 || maxConnections < maxConnectionsPerHost) {
            throw new IllegalArgumentException("need 1 <= maxConnectionsPerHost (" + maxConnectionsPerHost
                    + ") <= maxConnections (" + maxConnections + ")");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
    }

    /** 20 s, {@code Orrery/<version>}, 64 connections, 4 per host, 16 MiB. */
    public static FetchSettings defaults() {
        return new FetchSettings(
                DEFAULT_TIMEOUT,
                "Orrery/" + Version.get(),
                DEFAULT_MAX_CONNECTIONS,
                DEFAULT_MAX_CONNECTIONS_PER_HOST,
                DEFAULT_MAX_BODY_BYTES);
    }

    public FetchSettings withTimeout(Duration timeout) {
        return new FetchSettings(timeout, userAgent, maxConnections, maxConnectionsPerHost, maxBodyBytes);
    }

    /** The User-Agent Orrery sends for a planet: its name, version, and the planet's page when it has one. */
    public static String userAgent(String planetLink) {
        return "Orrery/" + Version.get() + (planetLink.isBlank() ? "" : " (+" + planetLink + ")");
    }

    public FetchSettings withUserAgent(String userAgent) {
        return new FetchSettings(timeout, userAgent, maxConnections, maxConnectionsPerHost, maxBodyBytes);
    }

    public FetchSettings withConnections(int maxConnections, int maxConnectionsPerHost) {
        return new FetchSettings(timeout, userAgent, maxConnections, maxConnectionsPerHost, maxBodyBytes);
    }

    public FetchSettings withMaxBodyBytes(long maxBodyBytes) {
        return new FetchSettings(timeout, userAgent, maxConnections, maxConnectionsPerHost, maxBodyBytes);
    }
}
