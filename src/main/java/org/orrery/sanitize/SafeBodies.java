package org.orrery.sanitize;

import java.util.IdentityHashMap;
import java.util.Map;
import org.orrery.model.Entry;

/** The bodies of the posts an output shows, each through the {@link BodyGate}. */
public final class SafeBodies {
    /** For outputs that show no post. */
    public static final SafeBodies NONE = new SafeBodies(Map.of());

    private final Map<Entry, BodyGate.Safe> byEntry;

    SafeBodies(Map<Entry, BodyGate.Safe> byEntry) {
        this.byEntry = byEntry.isEmpty() ? Map.of() : new IdentityHashMap<>(byEntry);
    }

    /**
     * The safe bodies of {@code entry}.
     *
     * @throws IllegalArgumentException when the entry's bodies did not pass the gate: a bug,
     *     stopped here rather than published
     */
    public BodyGate.Safe of(Entry entry) {
        BodyGate.Safe safe = byEntry.get(entry);
        if (safe == null) {
            throw new IllegalArgumentException("the bodies of " + entry.key() + " did not pass the sanitiser");
        }
        return safe;
    }
}
