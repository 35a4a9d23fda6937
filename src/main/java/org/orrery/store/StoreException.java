package org.orrery.store;

import java.io.Serial;

/**
 * The database could not be opened, read or written; the message says which and why. A {@link
 * #storageFault() storage fault} (disk full, a read-only or unreadable file, an I/O error) is
 * the planet's, not one feed's: every later write would fail the same way.
 */
public final class StoreException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean storageFault;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public StoreException(String message, Throwable cause, boolean storageFault) {
        super(message, cause);
        this.storageFault = storageFault;
    }

    /** Whether the database itself cannot be written or read, rather than one statement failing. */
    public boolean storageFault() {
        return storageFault;
    }
}
