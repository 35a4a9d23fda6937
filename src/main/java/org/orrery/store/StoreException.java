package org.orrery.store;

import java.io.Serial;

/** The database could not be opened, read or written; the message says which and why. */
public final class StoreException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
