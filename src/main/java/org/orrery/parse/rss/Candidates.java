package org.orrery.parse.rss;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Values of elements that say the same thing ({@code title}, {@code dc:title}), in order of
 * preference by element: the first non-empty value of the most preferred element wins.
 */
final class Candidates<T> {
    private final List<String> preference;
    private final Predicate<T> usable;
    private final Map<String, T> firstByKey = new LinkedHashMap<>();

    Candidates(Predicate<T> usable, String... preference) {
        this.usable = usable;
        this.preference = List.of(preference);
    }

    static Candidates<String> text(String... preference) {
        return new Candidates<>(s -> !s.isBlank(), preference);
    }

    void offer(String key, T value) {
        if (usable.test(value)) {
            firstByKey.putIfAbsent(key, value);
        }
    }

    Optional<T> best() {
        for (String key : preference) {
            T value = firstByKey.get(key);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    boolean isEmpty() {
        return firstByKey.isEmpty();
    }

    /** The value offered by element {@code key}. */
    Optional<T> get(String key) {
        return Optional.ofNullable(firstByKey.get(key));
    }

    /** Every offered value, most preferred element first. */
    List<T> all() {
        return preference.stream()
                .filter(firstByKey::containsKey)
                .map(firstByKey::get)
                .toList();
    }
}
