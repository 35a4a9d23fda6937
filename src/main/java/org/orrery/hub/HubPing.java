package org.orrery.hub;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Pings a hub as Venus's {@code splice.publish} did: one POST of {@code hub.mode=publish} with a
 * {@code hub.url} per feed (PubSubHubbub 0.3 §7.1; WebSub keeps the form).
 */
public final class HubPing {
    private final Duration timeout;
    private final String userAgent;

    /** @param timeout for connecting and for the whole exchange */
    public HubPing(Duration timeout, String userAgent) {
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /**
     * Tells {@code hub} that {@code feeds} changed.
     *
     * @return why the hub did not accept the ping; empty when it answered 2xx
     */
    public Optional<String> ping(URI hub, List<URI> feeds) {
        String form = "hub.mode=publish"
                + feeds.stream()
                        .map(feed -> "&hub.url=" + URLEncoder.encode(feed.toString(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining());
        var request = HttpRequest.newBuilder(hub)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try (HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + status);
        } catch (IOException e) {
            return Optional.of(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
