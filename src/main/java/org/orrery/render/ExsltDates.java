package org.orrery.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.xml.transform.TransformerConfigurationException;

/**
 * EXSLT's dates-and-times functions ({@code date:year($d)}, {@code date:day-abbreviation($d)},
 * ...), which Venus's {@code common/opml.xml.xslt} calls and libxslt ran, rewritten into plain
 * XPath 1.0 over the date's text, so that the JDK's processor runs them with extension
 * functions still off (with them on, a stylesheet could call any Java class). Each function reads
 * the date as written ({@code 2017-09-19T22:00:00Z}: the date and time of its own offset, as
 * EXSLT's do); without an argument, the time the stylesheet was compiled.
 */
final class ExsltDates {
    static final String NAMESPACE = "http://exslt.org/dates-and-times";

    private static final String MONTHS = "January  February March    April    May      June     "
            + "July     August   SeptemberOctober  November December ";
    private static final String DAYS = "Sunday   Monday   Tuesday  WednesdayThursday Friday   Saturday ";

    private static final Map<String, Function<String, String>> FUNCTIONS = Map.ofEntries(
            Map.entry("year", s -> year(s)),
            Map.entry("month-in-year", s -> month(s)),
            Map.entry(
                    "month-name",
                    s -> "normalize-space(substring('" + MONTHS + "', (" + month(s) + " - 1) * 9 + 1, 9))"),
            Map.entry(
                    "month-abbreviation",
                    s -> "substring('JanFebMarAprMayJunJulAugSepOctNovDec', (" + month(s) + " - 1) * 3 + 1, 3)"),
            Map.entry("day-in-month", s -> day(s)),
            Map.entry("day-in-week", s -> "(" + weekday(s) + " + 1)"),
            Map.entry("day-name", s -> "normalize-space(substring('" + DAYS + "', " + weekday(s) + " * 9 + 1, 9))"),
            Map.entry("day-abbreviation", s -> "substring('SunMonTueWedThuFriSat', " + weekday(s) + " * 3 + 1, 3)"),
            Map.entry("hour-in-day", s -> "number(substring(" + s + ", 12, 2))"),
            Map.entry("minute-in-hour", s -> "number(substring(" + s + ", 15, 2))"),
            Map.entry("second-in-minute", s -> "number(substring(" + s + ", 18, 2))"),
            Map.entry("date", s -> "substring(" + s + ", 1, 10)"),
            Map.entry("time", s -> "substring(" + s + ", 12, 8)"),
            Map.entry("date-time", s -> s));

    private ExsltDates() {}

    private static String year(String s) {
        return "number(substring(" + s + ", 1, 4))";
    }

    private static String month(String s) {
        return "number(substring(" + s + ", 6, 2))";
    }

    private static String day(String s) {
        return "number(substring(" + s + ", 9, 2))";
    }

    /** 0 for Sunday to 6 for Saturday (Sakamoto's method: the year counted from March). */
    private static String weekday(String s) {
        String y = "(" + year(s) + " - (" + month(s) + " < 3))";
        return "((" + y + " + floor(" + y + " div 4) - floor(" + y + " div 100) + floor(" + y + " div 400)"
                + " + number(substring('032503514624', " + month(s) + ", 1)) + " + day(s) + ") mod 7)";
    }

    /** The time a function without an argument reads, as EXSLT's {@code date:date-time()} writes it. */
    static String now(Instant now) {
        return "'"
                + DateTimeFormatter.ISO_OFFSET_DATE_TIME
                        .format(now.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC))
                        .replace("Z", "+00:00")
                + "'";
    }

    /**
     * {@code text} (an XPath expression, or an attribute value template) with every call of a
     * dates-and-times function under one of {@code prefixes} rewritten.
     *
     * @throws TransformerConfigurationException for a function of the namespace this does not provide
     */
    static String rewrite(String text, Set<String> prefixes, String now) throws TransformerConfigurationException {
        var out = new StringBuilder(text.length());
        int i = 0;
        char quote = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                out.append(c);
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
                i++;
                continue;
            }
            int call = callAt(text, i, prefixes);
            if (call < 0) {
                out.append(c);
                i++;
                continue;
            }
            int colon = text.indexOf(':', i);
            String name = text.substring(colon + 1, call).strip();
            int close = closing(text, call);
            if (close < 0) {
                throw new TransformerConfigurationException("unbalanced parentheses in " + text);
            }
            var function = FUNCTIONS.get(name);
            if (function == null) {
                throw new TransformerConfigurationException(
                        "it calls the EXSLT function date:" + name + ", which Orrery does not provide");
            }
            String argument =
                    rewrite(text.substring(call + 1, close), prefixes, now).strip();
            out.append('(')
                    .append(function.apply(argument.isEmpty() ? now : "string(" + argument + ")"))
                    .append(')');
            i = close + 1;
        }
        return out.toString();
    }

    /**
     * An attribute value template ({@code title="{date:year(@when)}"}) with the calls inside its
     * braces rewritten; doubled braces are literal ones.
     */
    static String rewriteTemplate(String avt, Set<String> prefixes, String now)
            throws TransformerConfigurationException {
        var out = new StringBuilder(avt.length());
        int i = 0;
        while (i < avt.length()) {
            char c = avt.charAt(i);
            if (c == '{' && avt.startsWith("{{", i)) {
                out.append("{{");
                i += 2;
            } else if (c == '{') {
                int close = avt.indexOf('}', i);
                if (close < 0) {
                    throw new TransformerConfigurationException("unclosed { in " + avt);
                }
                out.append('{')
                        .append(rewrite(avt.substring(i + 1, close), prefixes, now))
                        .append('}');
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Where the opening parenthesis is, when a call {@code prefix:name(} starts at {@code i}; else -1. */
    private static int callAt(String text, int i, Set<String> prefixes) {
        if (i > 0 && isNameChar(text.charAt(i - 1))) {
            return -1;
        }
        for (String prefix : prefixes) {
            if (!text.startsWith(prefix + ":", i)) {
                continue;
            }
            int j = i + prefix.length() + 1;
            if (j >= text.length() || !Character.isLetter(text.charAt(j))) {
                return -1;
            }
            while (j < text.length() && isNameChar(text.charAt(j))) {
                j++;
            }
            while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                j++;
            }
            return j < text.length() && text.charAt(j) == '(' ? j : -1;
        }
        return -1;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }

    /** The parenthesis closing the one at {@code open}, skipping quoted text; -1 if none. */
    private static int closing(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
