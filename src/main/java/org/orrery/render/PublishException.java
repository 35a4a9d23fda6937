package org.orrery.render;

import java.io.Serial;

/** The site could not be written; the message names the directory or file and why. */
public final class PublishException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
