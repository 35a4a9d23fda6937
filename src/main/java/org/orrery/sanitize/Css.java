package org.orrery.sanitize;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The safe subset of inline {@code style}: text, colour, box and table properties whose values
 * are plain words, numbers, colours and quoted font names. Nothing that loads a URL ({@code
 * url(...)}, {@code image-set}), runs code ({@code expression}, {@code behavior}, {@code
 * -moz-binding}), or lifts content out of its entry ({@code position}, {@code z-index},
 * {@code transform}, negative margins) survives. Colours, backgrounds, font sizes and widths lose
 * {@code !important}: the planet's style sheet has the last word on whether an entry can be read
 * (a style attribute's important declaration would outrank any of the theme's); elsewhere (a
 * border, a margin) it stays, as in feedparser.
 */
final class Css {
    private Css() {}

    /** Properties whose values need only pass the general value check. */
    private static final Set<String> PROPERTIES = words(
            """
            aspect-ratio azimuth background-color border-bottom-color border-collapse border-color
            border-left-color border-right-color border-spacing border-top-color caption-side clear
            color cursor direction display elevation empty-cells float font font-family font-size
            font-style font-variant font-weight height letter-spacing line-height list-style-type
            max-height max-width min-height min-width overflow overflow-x overflow-y pause
            pause-after pause-before pitch pitch-range richness speak speak-header speak-numeral
            speak-punctuation speech-rate stress table-layout text-align text-decoration text-indent
            text-transform unicode-bidi vertical-align voice-family volume white-space width
            word-spacing word-wrap""");

    /** Families whose other members take only lengths, colours and {@link #KEYWORDS}. */
    private static final Set<String> BOX_FAMILIES = words("""
            background border margin padding""");

    private static final Set<String> KEYWORDS = words(
            """
            auto aqua black block blue bold both bottom brown center collapse dashed dotted double
            fuchsia gray green !important inherit italic left lime maroon medium none navy normal
            nowrap olive pointer purple red right solid silver teal thick thin top transparent
            underline white yellow""");

    /** Words, numbers, hex colours, quoted names, and rgb()/hsl() of numbers; no backslash, no url(. */
    // Spaces between a value's tokens, not those inside a function's parentheses.
    private static final Pattern TOKEN_GAP = Pattern.compile("\\s+(?![^(]*\\))");

    // Each run is taken whole (possessive): a run that could be split anywhere made a long
    // word followed by a character no alternative takes cost time quadratic in its length.
    private static final Pattern SAFE_VALUE = Pattern.compile(
            "(?:[\\s,./#%!]|[\\w-]++|'[\\w\\s-]*+'|\"[\\w\\s-]*+\"|(?:rgba?|hsla?)\\([\\d\\s,.%]++\\))*");

    /**
     * Longer values are dropped: the longest a presentational property needs (a font list, a
     * few shadows) is far shorter, and {@link #TOKEN_GAP} looks ahead to a value's end.
     */
    static final int MAX_VALUE_CHARS = 500;

    private static final Pattern LENGTH_OR_COLOUR = Pattern.compile(
            "[+]?\\d*\\.?\\d+(?:px|pt|pc|em|ex|rem|ch|vw|vh|mm|cm|in|%)?|#[0-9a-fA-F]{3,8}|(?:rgba?|hsla?)\\([\\d\\s,.%]+\\)");
    /** {@code !important}, however spaced and cased: removed from {@link #THEME_DECIDES}, the declaration kept. */
    private static final Pattern IMPORTANT = Pattern.compile("!\\s*important\\b", Pattern.CASE_INSENSITIVE);

    /** Properties a theme must be able to override to keep a post readable (the default theme does). */
    private static final Set<String> THEME_DECIDES =
            words("background background-color color font font-size max-width min-width width");

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][-a-zA-Z]*");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "expression|url\\s*\\(|image-set|javascript|behavior|binding|@import", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile("(?:^|[\\s(,])-\\.?\\d");
    /** Five digits or more: sizes like {@code 99999em} only serve to break the page's layout. */
    private static final Pattern HUGE = Pattern.compile("(?<![#\\w.])\\d{5,}");

    private static Set<String> words(String text) {
        return Set.of(text.strip().split("\\s+"));
    }

    /** The declarations of {@code style} that are safe, as {@code "name: value;"} joined by spaces. */
    static String filter(String style) {
        if (style.indexOf('\\') >= 0 || style.contains("/*") || style.indexOf('<') >= 0) {
            return "";
        }
        var clean = new StringBuilder();
        for (String declaration : style.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = declaration.substring(0, colon).strip();
            String value = declaration.substring(colon + 1).stripLeading();
            if (THEME_DECIDES.contains(name.toLowerCase(Locale.ROOT))) {
                value = IMPORTANT.matcher(value).replaceAll("").strip();
            }
            if (!value.isBlank() && value.length() <= MAX_VALUE_CHARS && allowed(name, value)) {
                if (!clean.isEmpty()) {
                    clean.append(' ');
                }
                clean.append(name).append(": ").append(value).append(';');
            }
        }
        return clean.toString();
    }

    private static boolean allowed(String name, String value) {
        if (!NAME.matcher(name).matches()
                || FORBIDDEN.matcher(value).find()
                || !SAFE_VALUE.matcher(value).matches()) {
            return false;
        }
        if (HUGE.matcher(value).find()) {
            return false;
        }
        String property = name.toLowerCase(Locale.ROOT);
        if (property.startsWith("margin") && NEGATIVE.matcher(value).find()) {
            return false; // a negative margin can pull an entry over the planet's own page
        }
        if (PROPERTIES.contains(property)) {
            return true;
        }
        int dash = property.indexOf('-');
        String family = dash < 0 ? property : property.substring(0, dash);
        if (!BOX_FAMILIES.contains(family)) {
            return false;
        }
        for (String token : TOKEN_GAP.split(value.strip())) {
            if (!KEYWORDS.contains(token.toLowerCase(Locale.ROOT))
                    && !LENGTH_OR_COLOUR.matcher(token).matches()) {
                return false;
            }
        }
        return true;
    }
}
