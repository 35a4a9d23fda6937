package org.orrery.sanitize;

import java.util.Objects;

/**
 * HTML that came out of the sanitiser, or out of the store's cache of what it gave: the only
 * form in which a feed's body reaches a page, a feed or a theme. Only this package makes one,
 * so a body that skipped the sanitiser cannot be published by mistake.
 */
public final class SafeHtml {
    /** No body. */
    public static final SafeHtml EMPTY = new SafeHtml("");

    private final String html;

    SafeHtml(String html) {
        this.html = Objects.requireNonNull(html, "html");
    }

    public String html() {
        return html;
    }

    public boolean isEmpty() {
        return html.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SafeHtml other && html.equals(other.html);
    }

    @Override
    public int hashCode() {
        return html.hashCode();
    }

    @Override
    public String toString() {
        return html;
    }
}
