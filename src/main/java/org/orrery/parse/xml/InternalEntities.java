package org.orrery.parse.xml;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The general entities a document's internal DTD subset declares as plain text ({@code
 * <!ENTITY id "tag:example.com,">}), which the document's references expand to.
 *
 * <p>Only literal text is taken: a value with markup or with references to other entities
 * (the billion laughs) is not declared here, nor is an external entity. Expansions are bounded
 * all together by {@link #MAX_EXPANDED_CHARS}, so many references to a long value cannot blow
 * a document up either. The subset is read in one pass, in time linear in its length.
 */
final class InternalEntities {
    /** At most this many characters come from expansions in one document. */
    static final int MAX_EXPANDED_CHARS = 1 << 20;

    // XML 1.0 §4.2.2: a general entity with a literal value; SYSTEM and PUBLIC ones are external.
    private static final Pattern DECLARATION =
            Pattern.compile("<!ENTITY\\s+([\\p{L}_:][\\p{L}\\p{N}._:\\-]*)\\s+(?:\"([^\"]*)\"|'([^']*)')\\s*>");
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}));");

    private final Map<String, String> values = new HashMap<>();
    private long expanded;

    /** None declared: a document without a DTD. */
    InternalEntities() {}

    /** The entities {@code internalSubset} declares; the first declaration of a name binds (§4.2). */
    InternalEntities(String internalSubset) {
        Matcher m = DECLARATION.matcher(internalSubset);
        int length = internalSubset.length();
        int at = 0;
        // Each step moves past what it looked at, so no character is scanned twice: a search
        // from every "<!--" for its "-->" made a subset of many unclosed "<!--" quadratic.
        while (at < length) {
            int next;
            if (internalSubset.startsWith("<!--", at)) {
                next = end(internalSubset, "-->", at + 4);
            } else if (internalSubset.startsWith("<?", at)) {
                next = end(internalSubset, "?>", at + 2);
            } else if (internalSubset.startsWith("<!ENTITY", at)
                    && m.region(at, length).lookingAt()) {
                declare(m);
                next = m.end();
            } else if (internalSubset.charAt(at) == '"' || internalSubset.charAt(at) == '\'') {
                // A literal outside an entity declaration (a parameter entity's, a default
                // attribute value): what it holds is not markup.
                next = end(internalSubset, String.valueOf(internalSubset.charAt(at)), at + 1);
            } else {
                next = at + 1;
            }
            at = next;
        }
    }

    /** Just past the first {@code terminator} from {@code from}; the end of the text when there is none. */
    private static int end(String text, String terminator, int from) {
        int found = text.indexOf(terminator, from);
        return found < 0 ? text.length() : found + terminator.length();
    }

    private void declare(Matcher m) {
        String literal = m.group(2) != null ? m.group(2) : m.group(3);
        String other = CHARACTER_REFERENCE.matcher(literal).replaceAll("");
        String value = characterReferencesReplaced(literal);
        if (value != null && other.indexOf('&') < 0 && other.indexOf('<') < 0 && other.indexOf('%') < 0) {
            values.putIfAbsent(m.group(1), value);
        }
    }

    /** What a reference to {@code name} stands for; empty when undeclared or over the bound. */
    Optional<String> expand(String name) {
        String value = values.get(name);
        if (value == null || expanded + value.length() > MAX_EXPANDED_CHARS) {
            return Optional.empty();
        }
        expanded += value.length();
        return Optional.of(value);
    }

    /** XML 1.0 §4.5: character references in a literal value are replaced when it is declared. */
    private static String characterReferencesReplaced(String value) {
        Matcher m = CHARACTER_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int code = m.group(1) != null ? Integer.parseInt(m.group(1), 16) : Integer.parseInt(m.group(2));
            if (!Character.isValidCodePoint(code)) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(code)));
        }
        return m.appendTail(out).toString();
    }
}
