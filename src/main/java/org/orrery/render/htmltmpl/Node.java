package org.orrery.render.htmltmpl;

import java.util.List;

/** One piece of a parsed template. */
sealed interface Node {
    /** Text copied as it is. */
    record Text(String text) implements Node {}

    /**
     * {@code <TMPL_VAR name ESCAPE=... GLOBAL=...>}; {@code global}: inside a loop, a name the
     * loop's element lacks is looked up in the enclosing scopes.
     */
    record Var(String name, Escape escape, boolean global) implements Node {}

    /**
     * {@code <TMPL_IF name>} (or {@code TMPL_UNLESS}, negated) with its optional else branch;
     * {@code global} as for {@link Var}.
     */
    record If(String name, boolean negated, boolean global, List<Node> then, List<Node> otherwise) implements Node {}

    /** {@code <TMPL_LOOP name>}: the body once per element of the list {@code name}. */
    record Loop(String name, List<Node> body) implements Node {}

    /** How a {@code TMPL_VAR} is escaped. */
    enum Escape {
        NONE,
        HTML,
        URL
    }
}
