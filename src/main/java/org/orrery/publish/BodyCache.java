package org.orrery.publish;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.orrery.sanitize.BodyGate;
import org.orrery.store.Store;

/**
 * The gate's cache for one publishing: what the store keeps, plus what this publishing
 * sanitised, held in memory (pages render on several threads) and written to the store in one
 * transaction at the end ({@link #flush()}).
 */
final class BodyCache implements BodyGate.Cache {
    private final Store store;
    /** Sanitised in this publishing, by policy and digest; not yet in the store. */
    private final Map<String, Map<String, String>> made = new ConcurrentHashMap<>();

    BodyCache(Store store) {
        this.store = store;
    }

    @Override
    public Map<String, String> find(Collection<String> digests, List<String> policies) {
        Map<String, String> found = new HashMap<>();
        List<String> missing = digests.stream()
                .filter(digest -> {
                    for (String policy : policies) {
                        String html = made.getOrDefault(policy, Map.of()).get(digest);
                        if (html != null) {
                            found.put(digest, html);
                            return false;
                        }
                    }
                    return true;
                })
                .toList();
        if (!missing.isEmpty()) {
            found.putAll(store.safeHtml(missing, policies));
        }
        return found;
    }

    @Override
    public void keep(Map<String, String> sanitised, String policy) {
        made.computeIfAbsent(policy, p -> new ConcurrentHashMap<>()).putAll(sanitised);
    }

    /** Writes what this publishing sanitised into the store. */
    void flush(Instant at) {
        made.forEach((policy, bodies) -> {
            if (!bodies.isEmpty()) {
                store.keepSafeHtml(Map.copyOf(bodies), policy, at);
            }
        });
        made.clear();
    }
}
