package org.orrery.serve;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.FetchSettings;
import org.orrery.fetch.Fetcher;
import org.orrery.parse.HubLinks;
import org.orrery.refresh.Refresher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSub subscriber (W3C WebSub §5–§8): feeds found to name a hub when fetched are subscribed
 * to, with a callback URL under {@code websub_callback} unguessable per subscription and a secret
 * of their own; the hub's verification of intent is answered, signed pushes are handed on
 * ({@link Pushes}) and leases renewed before they run out. Feeds are polled throughout: a hub
 * that refuses, never verifies, or lets a lease run out costs only the push. Subscriptions are
 * kept in {@code websub.json} ({@link WebSubLeases}), so a restart keeps them.
 */
final class WebSubscriber implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebSubscriber.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where pushes go, and who hears that a feed is polled again. */
    interface Pushes {
        /** Takes a push of {@code topic}: {@link Push#TAKEN}, {@link Push#UNKNOWN} (no longer subscribed) or {@link Push#NOT_NOW}. */
        Push pushed(URI topic, Refresher.Pushed body);

        /** {@code topic}'s lease is no longer active: it should be polled at its usual pace. */
        void lapsed(URI topic);
    }

    /**
     * How subscriptions are kept.
     *
     * @param lease the lease asked for ({@code hub.lease_seconds}); the hub decides
     * @param verifyWait how long a hub has to verify a subscription before it counts as failed
     * @param retryWait how long after a failure a feed's hub is asked again
     * @param tick how often leases are looked at
     * @param timeout for each request to a hub
     */
    record Settings(Duration lease, Duration verifyWait, Duration retryWait, Duration tick, Duration timeout) {
        static Settings defaults(Duration timeout) {
            return new Settings(
                    Duration.ofDays(10), Duration.ofMinutes(10), Duration.ofHours(6), Duration.ofSeconds(30), timeout);
        }
    }

    private final URI callbackBase;
    private final Path file;
    private final InstantSource clock;
    private final Settings settings;
    private final String userAgent;
    private final long maxBodyBytes;
    private final Pushes pushes;
    private final HttpClient http;
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledThreadPoolExecutor timer;
    /** By callback id. */
    private final Map<String, WebSubLease> leases = new LinkedHashMap<>();

    private volatile boolean closed;

    WebSubscriber(
            URI callbackBase,
            Path file,
            InstantSource clock,
            Settings settings,
            String userAgent,
            long maxBodyBytes,
            Pushes pushes) {
        String base = callbackBase.toString();
        this.callbackBase = URI.create(base.endsWith("/") ? base : base + "/");
        this.file = file;
        this.clock = clock;
        this.settings = settings;
        this.userAgent = userAgent;
        this.maxBodyBytes = maxBodyBytes;
        this.pushes = pushes;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        WebSubLeases.read(file).forEach(l -> leases.put(l.id(), l));
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            var t = new Thread(r, "websub");
            t.setDaemon(true);
            return t;
        });
        long tick = settings.tick().toMillis();
        timer.scheduleWithFixedDelay(this::upkeep, tick, tick, TimeUnit.MILLISECONDS);
    }

    /**
     * The subscriber of a planet whose config sets {@code websub_callback}, pushes going to
     * {@code scheduler} (which then polls pushed feeds less often); empty when it is not set.
     */
    static Optional<WebSubscriber> forPlanet(
            PlanetConfig config, Settings settings, InstantSource clock, FeedScheduler scheduler) {
        Optional<String> base =
                config.options().websubCallback().map(String::strip).filter(b -> !b.isEmpty());
        if (base.isEmpty()) {
            return Optional.empty();
        }
        var subscriber = new WebSubscriber(
                URI.create(base.get()),
                config.databaseFile().resolveSibling("websub.json"),
                clock,
                settings,
                FetchSettings.userAgent(config.link()),
                config.options().maxFeedBytes(),
                new Pushes() {
                    @Override
                    public Push pushed(URI topic, Refresher.Pushed body) {
                        if (!scheduler.running()) {
                            return Push.NOT_NOW; // starting or stopping: the feeds are not scheduled
                        }
                        return scheduler.pushed(topic, body).isPresent() ? Push.TAKEN : Push.UNKNOWN;
                    }

                    @Override
                    public void lapsed(URI topic) {
                        scheduler.pollSoon(topic);
                    }
                });
        scheduler.pushedBy(subscriber::active);
        return Optional.of(subscriber);
    }

    /** The path under which callbacks arrive (that of {@code websub_callback}). */
    String callbackPath() {
        return callbackBase.getRawPath() == null || callbackBase.getRawPath().isEmpty()
                ? "/"
                : callbackBase.getRawPath();
    }

    /** {@code fetcher}, telling this subscriber of the hubs each feed it fetches names. */
    Fetcher discovering(Fetcher fetcher) {
        return new WebSubDiscovery(fetcher, this);
    }

    boolean closed() {
        return closed;
    }

    /** Whether {@code topic}'s hub is pushing it now (an active, verified lease). */
    synchronized boolean active(URI topic) {
        Instant now = clock.instant();
        return leases.values().stream().anyMatch(l -> l.topic().equals(topic) && l.active(now));
    }

    /** The subscriptions as they stand, for tests and status. */
    synchronized List<WebSubLease> leases() {
        return List.copyOf(leases.values());
    }

    /**
     * Notes the hubs {@code topic} names: subscribes when it names one and is not subscribed (or
     * was subscribed at another hub, or failed long enough ago). A hub on a private or loopback
     * address only when the feed's fetch could reach such addresses.
     */
    void discovered(URI topic, HubLinks links, boolean privateAllowed) {
        if (links.hubs().isEmpty()) {
            return;
        }
        URI hub = links.hubs().getFirst();
        URI hubTopic = links.self().orElse(topic);
        if (!wanted(topic, hub, hubTopic)) {
            return;
        }
        if (!privateAllowed && WebSubDiscovery.privateHost(hub)) {
            log.info("serve: {} names a hub on a private address, {}: not subscribed", topic, hub);
            return;
        }
        WebSubLease lease;
        synchronized (this) {
            if (!wanted(topic, hub, hubTopic)) {
                return; // another fetch of the feed subscribed meanwhile
            }
            find(topic).ifPresent(known -> leases.remove(known.id()));
            lease = new WebSubLease(
                    topic,
                    hubTopic,
                    hub,
                    token(16),
                    token(24),
                    WebSubLease.State.PENDING,
                    clock.instant(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
            leases.put(lease.id(), lease);
            save();
        }
        requests.execute(() -> ask(lease, "subscribe"));
    }

    /** Whether {@code topic} is to be subscribed to at {@code hub}: not yet, elsewhere, or failed long enough ago. */
    private synchronized boolean wanted(URI topic, URI hub, URI hubTopic) {
        Optional<WebSubLease> known = find(topic);
        if (known.isEmpty()) {
            return true;
        }
        WebSubLease k = known.get();
        if (k.state() == WebSubLease.State.UNSUBSCRIBING) {
            return false;
        }
        if (!k.hub().equals(hub) || !k.hubTopic().equals(hubTopic)) {
            return true;
        }
        return k.state() == WebSubLease.State.FAILED
                && k.retryAt().filter(clock.instant()::isBefore).isEmpty();
    }

    /** Unsubscribes the feeds not in {@code topics} (those no longer in the config). */
    void retain(Set<URI> topics) {
        List<WebSubLease> leaving = new ArrayList<>();
        synchronized (this) {
            for (var entry : leases.entrySet()) {
                WebSubLease l = entry.getValue();
                if (!topics.contains(l.topic()) && l.state() != WebSubLease.State.UNSUBSCRIBING) {
                    entry.setValue(l.unsubscribing());
                    leaving.add(l);
                }
            }
            if (!leaving.isEmpty()) {
                save();
            }
        }
        leaving.forEach(l -> {
            log.info("serve: {} left the config: unsubscribing at {}", l.topic(), l.hub());
            requests.execute(() -> ask(l, "unsubscribe"));
        });
    }

    /** The callback URL of one subscription. */
    URI callback(WebSubLease lease) {
        return callbackBase.resolve(lease.id());
    }

    /** Sends {@code mode} (subscribe or unsubscribe) for {@code lease} to its hub (WebSub §5.1). */
    private void ask(WebSubLease lease, String mode) {
        var form = new StringBuilder()
                .append("hub.mode=")
                .append(mode)
                .append("&hub.topic=")
                .append(encode(lease.hubTopic().toString()))
                .append("&hub.callback=")
                .append(encode(callback(lease).toString()));
        if (mode.equals("subscribe")) {
            form.append("&hub.secret=").append(encode(lease.secret()));
            form.append("&hub.lease_seconds=").append(settings.lease().toSeconds());
        }
        var request = HttpRequest.newBuilder(lease.hub())
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
        String problem;
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            // §5.1.1: 202 Accepted; any 2xx is taken as accepted, verification follows.
            problem = status / 100 == 2 ? null : "HTTP " + status;
        } catch (IOException e) {
            problem = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (problem == null) {
            log.info("serve: asked {} to {} {}", lease.hub(), mode, lease.hubTopic());
            return;
        }
        log.warn("serve: hub {} refused to {} {}: {}; polling it", lease.hub(), mode, lease.topic(), problem);
        synchronized (this) {
            WebSubLease now = leases.get(lease.id());
            if (now == null) {
                return;
            }
            if (mode.equals("unsubscribe")) {
                leases.remove(lease.id()); // the lease runs out at the hub; pushes meanwhile are refused
            } else if (now.state() == WebSubLease.State.PENDING) {
                leases.put(lease.id(), now.failed(clock.instant().plus(settings.retryWait())));
            }
            save();
        }
    }

    /** Renews leases due, and gives up on verifications that never came and leases that ran out. */
    private void upkeep() {
        List<WebSubLease> renew = new ArrayList<>();
        List<URI> lapsed = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            Instant now = clock.instant();
            boolean changed = false;
            for (var entry : leases.entrySet()) {
                WebSubLease l = entry.getValue();
                switch (l.state()) {
                    case ACTIVE -> {
                        if (l.expires().filter(now::isBefore).isEmpty()) {
                            log.warn("serve: the WebSub lease of {} ran out; polling it", l.topic());
                            entry.setValue(l.failed(now));
                            lapsed.add(l.topic());
                            changed = true;
                        } else if (l.renewAt().filter(now::isBefore).isEmpty()
                                && !l.requested().isAfter(l.renewAt().get())) {
                            entry.setValue(l.requested(now));
                            renew.add(l);
                            changed = true;
                        }
                    }
                    case PENDING -> {
                        if (now.isAfter(l.requested().plus(settings.verifyWait()))) {
                            log.warn("serve: hub {} never verified {}; polling it", l.hub(), l.topic());
                            entry.setValue(l.failed(now.plus(settings.retryWait())));
                            changed = true;
                        }
                    }
                    case UNSUBSCRIBING -> {
                        if (now.isAfter(l.requested().plus(settings.verifyWait()))
                                && l.expires().filter(now::isBefore).isEmpty()) {
                            entry.setValue(null);
                            changed = true;
                        }
                    }
                    case FAILED -> {}
                }
            }
            if (leases.values().remove(null)) {
                changed = true;
            }
            if (changed) {
                save();
            }
        }
        lapsed.forEach(pushes::lapsed);
        renew.forEach(l -> requests.execute(() -> ask(l, "subscribe")));
    }

    /**
     * Answers a hub's verification of intent (WebSub §5.3) for callback {@code id}: the challenge
     * when a subscription of ours asked for it, with the same topic; empty (then 404) otherwise.
     */
    Optional<String> verify(String id, Map<String, String> query) {
        String mode = query.getOrDefault("hub.mode", "");
        String topic = query.getOrDefault("hub.topic", "");
        URI topicUri;
        try {
            topicUri = URI.create(topic);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        synchronized (this) {
            WebSubLease lease = leases.get(id);
            if (lease == null || !lease.hubTopic().equals(topicUri)) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            switch (mode) {
                case "subscribe" -> {
                    if (lease.state() != WebSubLease.State.PENDING && lease.state() != WebSubLease.State.ACTIVE) {
                        return Optional.empty();
                    }
                    String challenge = query.get("hub.challenge");
                    if (challenge == null) {
                        return Optional.empty();
                    }
                    Duration granted = leaseSeconds(query.get("hub.lease_seconds"));
                    // Renewed at 85% of the lease, well before the hub lets it go.
                    Instant renewal = now.plusMillis(granted.toMillis() * 85 / 100);
                    leases.put(id, lease.verified(now.plus(granted), renewal));
                    save();
                    log.info("serve: {} verified {} for {}", lease.hub(), lease.topic(), granted);
                    return Optional.of(challenge);
                }
                case "unsubscribe" -> {
                    if (lease.state() != WebSubLease.State.UNSUBSCRIBING || query.get("hub.challenge") == null) {
                        return Optional.empty();
                    }
                    leases.remove(id);
                    save();
                    return Optional.of(query.get("hub.challenge"));
                }
                case "denied" -> {
                    // §5.2: the hub refuses (or ends) the subscription.
                    log.warn(
                            "serve: hub {} denied {}: {}; polling it",
                            lease.hub(),
                            lease.topic(),
                            query.getOrDefault("hub.reason", "no reason given"));
                    leases.put(id, lease.failed(now.plus(settings.retryWait())));
                    save();
                    // Told outside this lock: the scheduler asks this subscriber under its own.
                    requests.execute(() -> pushes.lapsed(lease.topic()));
                    return Optional.of("");
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
    }

    /** What became of a push (content distribution, WebSub §7). */
    enum Push {
        /** Signed with the subscription's secret: handed on. */
        TAKEN,
        /** Missing or wrong signature: ignored (§8). */
        IGNORED,
        /** No such subscription (or no longer one): the hub may stop sending (410). */
        UNKNOWN,
        /** Larger than {@code max_feed_bytes}. */
        TOO_LARGE,
        /** {@code serve} is starting or stopping: the hub is asked to send it again later (503). */
        NOT_NOW
    }

    /** Takes a push to callback {@code id} when its {@code X-Hub-Signature} proves it is from the hub. */
    Push push(String id, byte[] body, Optional<String> signature, Optional<String> charset) {
        if (closed) {
            return Push.NOT_NOW;
        }
        WebSubLease lease;
        synchronized (this) {
            lease = leases.get(id);
        }
        // Denied, lapsed or being removed: not a subscription of ours any more.
        if (lease == null
                || lease.state() == WebSubLease.State.UNSUBSCRIBING
                || lease.state() == WebSubLease.State.FAILED) {
            return Push.UNKNOWN;
        }
        if (body.length > maxBodyBytes) {
            return Push.TOO_LARGE;
        }
        if (signature.isEmpty() || !WebSubSignature.valid(signature.get(), lease.secret(), body)) {
            log.warn("serve: a push for {} was not signed with its secret: ignored", lease.topic());
            return Push.IGNORED;
        }
        return pushes.pushed(lease.topic(), new Refresher.Pushed(body, charset));
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    private Optional<WebSubLease> find(URI topic) {
        return leases.values().stream().filter(l -> l.topic().equals(topic)).findFirst();
    }

    private Duration leaseSeconds(String value) {
        try {
            long seconds = Long.parseLong(value == null ? "" : value.strip());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // §5.3: hub.lease_seconds is required for subscribe; without it, take the one asked.
        }
        return settings.lease();
    }

    private void save() {
        try {
            WebSubLeases.write(file, new ArrayList<>(leases.values()));
        } catch (IOException e) {
            log.error("serve: writing {} failed: {}", file, e.toString());
        }
    }

    private static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Stops renewing and asking. Subscriptions are kept, not cancelled: they are in {@code
     * websub.json}, so the next {@code serve} takes the pushes the hub sends meanwhile.
     */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        requests.shutdownNow();
        http.close();
        synchronized (this) {
            save();
        }
    }
}
