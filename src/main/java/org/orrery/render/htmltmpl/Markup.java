package org.orrery.render.htmltmpl;

import java.util.Objects;
import org.orrery.sanitize.Escape;

/**
 * A template value that is HTML already (a sanitised body, or text escaped as Venus hands its
 * titles to themes): {@code <TMPL_VAR>} writes it as it is, and {@code ESCAPE="HTML"} escapes
 * it once more, as htmltmpl would. Every other value is text and is never written unescaped.
 */
public record Markup(String html) {
    public Markup {
        Objects.requireNonNull(html, "html");
    }

    /** {@code text} as HTML: {@code &}, {@code <}, {@code >} and {@code "} escaped. */
    public static Markup ofText(String text) {
        return new Markup(Escape.attribute(text));
    }

    @Override
    public String toString() {
        return html;
    }
}
