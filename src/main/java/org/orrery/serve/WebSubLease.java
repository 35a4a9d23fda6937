package org.orrery.serve;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One WebSub subscription of a feed (a topic) at a hub, as kept across restarts.
 *
 * @param topic the feed's URL as the config names it (pushes are taken for this feed)
 * @param hubTopic the topic URL told to the hub: the feed's {@code rel="self"} when it gives one
 * @param hub the hub subscribed at
 * @param id the unguessable last path segment of the callback URL
 * @param secret the HMAC key the hub signs pushes with
 * @param state where the subscription stands
 * @param requested when the last (re)subscription was asked for
 * @param expires when the hub's lease runs out, once verified
 * @param renewAt when the lease is renewed, once verified
 * @param retryAt when a failed or denied subscription may be asked for again
 */
record WebSubLease(
        URI topic,
        URI hubTopic,
        URI hub,
        String id,
        String secret,
        State state,
        Instant requested,
        Optional<Instant> expires,
        Optional<Instant> renewAt,
        Optional<Instant> retryAt) {
    /** Where a subscription stands. */
    enum State {
        /** Asked for; the hub has not verified it yet. */
        PENDING,
        /** Verified: the hub pushes until {@code expires}. */
        ACTIVE,
        /** The hub refused, never verified it, or its lease ran out: the feed is polled. */
        FAILED,
        /** Being removed: the hub is asked to stop. */
        UNSUBSCRIBING
    }

    WebSubLease {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(hubTopic, "hubTopic");
        Objects.requireNonNull(hub, "hub");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(renewAt, "renewAt");
        Objects.requireNonNull(retryAt, "retryAt");
    }

    /** Whether the hub is pushing the feed now. */
    boolean active(Instant now) {
        return state == State.ACTIVE && expires.filter(now::isBefore).isPresent();
    }

    WebSubLease requested(Instant at) {
        State next = state == State.ACTIVE ? State.ACTIVE : State.PENDING;
        return new WebSubLease(topic, hubTopic, hub, id, secret, next, at, expires, renewAt, Optional.empty());
    }

    WebSubLease verified(Instant expiry, Instant renewal) {
        return new WebSubLease(
                topic,
                hubTopic,
                hub,
                id,
                secret,
                State.ACTIVE,
                requested,
                Optional.of(expiry),
                Optional.of(renewal),
                Optional.empty());
    }

    WebSubLease failed(Instant retry) {
        return new WebSubLease(
                topic,
                hubTopic,
                hub,
                id,
                secret,
                State.FAILED,
                requested,
                Optional.empty(),
                Optional.empty(),
                Optional.of(retry));
    }

    WebSubLease unsubscribing() {
        return new WebSubLease(
                topic, hubTopic, hub, id, secret, State.UNSUBSCRIBING, requested, expires, renewAt, Optional.empty());
    }
}
