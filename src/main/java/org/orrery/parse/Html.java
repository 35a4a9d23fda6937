package org.orrery.parse;

import java.net.URI;
import java.util.Objects;

/**
 * A body of an entry as HTML (plain-text bodies already escaped into HTML), not yet
 * sanitised, with the base URI its relative URLs resolve against ({@code xml:base} in effect
 * where it appeared, else the document's URL).
 */
public record Html(String html, URI base) {
    public Html {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(base, "base");
    }
}
