package org.orrery.render.htmltmpl;

import java.io.Serial;

/** A template cannot be read: an unclosed block, a stray closing tag, a missing include. */
public final class TemplateSyntaxException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public TemplateSyntaxException(String message) {
        super(message);
    }
}
