package org.orrery.config;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python {@code re} patterns, as configs write them for {@code filter} and {@code exclude}, as
 * {@link Pattern}s. The two syntaxes agree on what planets use; where they differ the Python
 * form is rewritten: {@code (?P<name>...)} and {@code (?P=name)} (named groups), {@code \Z}
 * (end of input) and a {@code {} that starts no repetition (a literal in Python).
 */
public final class PythonRegex {
    private PythonRegex() {}

    /** Compiles a Python pattern; throws when Java cannot read it even after rewriting. */
    public static Pattern compile(String python) throws PatternSyntaxException {
        return Pattern.compile(toJava(python));
    }

    static String toJava(String python) {
        StringBuilder out = new StringBuilder(python.length() + 8);
        int i = 0;
        while (i < python.length()) {
            char c = python.charAt(i);
            if (c == '\\' && i + 1 < python.length()) {
                char next = python.charAt(i + 1);
                out.append(next == 'Z' ? "\\z" : "\\" + next);
                i += 2;
            } else if (python.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 4;
            } else if (python.startsWith("(?P=", i)) {
                int close = python.indexOf(')', i);
                if (close < 0) {
                    out.append(python, i, python.length());
                    break;
                }
                out.append("\\k<").append(python, i + 4, close).append('>');
                i = close + 1;
            } else if (c == '{'
                    && python.startsWith("{,", i)
                    && python.substring(i).matches("(?s)\\{,\\d+}.*")) {
                out.append("{0,");
                i += 2;
            } else if (c == '{' && !python.substring(i).matches("(?s)\\{\\d+(,\\d*)?}.*")) {
                out.append("\\{");
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
