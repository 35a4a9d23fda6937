package org.orrery.parse.atom;

import java.net.URI;
import java.util.Optional;
import org.orrery.parse.Html;
import org.orrery.parse.text.PlainText;
import org.orrery.sanitize.Escape;

/**
 * An Atom text construct or content (RFC 4287 §3.1, §4.1.3) as read; xhtml already serialised
 * as HTML without the wrapping div.
 */
record AtomText(Kind kind, String value, URI base) {
    enum Kind {
        TEXT,
        HTML,
        XHTML
    }

    Optional<String> plain() {
        return kind == Kind.TEXT ? PlainText.collapse(value) : PlainText.fromHtml(value);
    }

    Optional<Html> html() {
        if (value.isBlank()) {
            return Optional.empty();
        }
        String html = kind == Kind.TEXT ? Escape.text(value.strip()) : value.strip();
        return Optional.of(new Html(html, base));
    }
}
