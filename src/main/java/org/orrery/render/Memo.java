package org.orrery.render;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values worked out once per key and remembered, for names every page repeats (slugs, css-ids).
 * The memory is bounded: at {@code limit} keys it starts over, so a long-running {@code serve}
 * of a planet whose names keep changing does not grow without end. Safe for several threads; two
 * threads may both work out a key's value, which is the same.
 *
 * @param <K> the key
 * @param <V> the value worked out from it
 */
final class Memo<K, V> {
    private final Map<K, V> memory = new ConcurrentHashMap<>();
    private final int limit;
    private final Function<K, V> work;

    /** A memo of {@code work}, remembering up to {@code limit} keys. */
    Memo(int limit, Function<K, V> work) {
        this.limit = limit;
        this.work = work;
    }

    /** {@code work} of {@code key}, remembered. */
    V get(K key) {
        V known = memory.get(key);
        if (known == null) {
            known = work.apply(key);
            if (memory.size() >= limit) {
                memory.clear();
            }
            memory.put(key, known);
        }
        return known;
    }
}
