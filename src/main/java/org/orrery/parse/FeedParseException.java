package org.orrery.parse;

import java.io.Serial;

/** Thrown when a document has nothing usable as a feed (not a feed, or unreadable bytes). */
public final class FeedParseException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
