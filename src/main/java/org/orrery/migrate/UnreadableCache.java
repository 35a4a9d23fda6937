package org.orrery.migrate;

/** A directory that is not a Planet Venus cache Orrery can read; the message says why and what to do. */
public final class UnreadableCache extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableCache(String message) {
        super(message);
    }
}
