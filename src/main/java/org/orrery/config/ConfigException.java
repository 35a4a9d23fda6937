package org.orrery.config;

import java.io.Serial;

/**
 * A config file cannot be used. The message names the file and, where there is one, the
 * line ("config.ini:12: ...").
 */
public final class ConfigException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
