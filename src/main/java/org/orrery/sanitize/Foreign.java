package org.orrery.sanitize;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The presentational subset of inline SVG and MathML that may be published: drawings (shapes,
 * text, gradients, groups, links to web pages) and equations, with geometry and presentation
 * attributes only. Nothing that runs script, loads a resource, animates an attribute or
 * references another document survives: no {@code script}, {@code style}, {@code foreignObject},
 * {@code use}, {@code image}, {@code animate}/{@code set}, no event handler, no {@code href} but
 * a checked one on an SVG {@code a}, no {@code maction}, no MathML link, no {@code url(...)}
 * value. Names are matched without regard to case and written as SVG spells them ({@code
 * viewBox}, {@code linearGradient}), which is what a browser builds from any spelling.
 */
final class Foreign {
    private Foreign() {}

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    static final String MATHML_NAMESPACE = "http://www.w3.org/1998/Math/MathML";
    static final String XLINK_NAMESPACE = "http://www.w3.org/1999/xlink";

    /** SVG elements kept, by lower-case name; the value is their proper spelling. */
    private static final Map<String, String> SVG_ELEMENTS = spellings(
            """
            svg g defs title desc circle ellipse line path polygon polyline rect text tspan
            linearGradient radialGradient stop a""");

    /**
     * SVG attributes kept, by lower-case name. No {@code id} (DOM clobbering, and ids of many
     * entries collide), so gradients and other {@code url(#id)} references cannot resolve; no
     * {@code style} and no {@code overflow} (a drawing stays inside its box).
     */
    private static final Map<String, String> SVG_ATTRIBUTES = spellings(
            """
            x y x1 y1 x2 y2 cx cy r rx ry fx fy fr width height d points dx dy rotate offset
            pathLength textLength lengthAdjust viewBox preserveAspectRatio version baseProfile
            fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap
            stroke-linejoin stroke-miterlimit stroke-dasharray stroke-dashoffset opacity color
            font-family font-size font-style font-weight font-variant font-stretch text-anchor
            dominant-baseline alignment-baseline baseline-shift text-decoration letter-spacing
            word-spacing writing-mode direction unicode-bidi visibility display stop-color
            stop-opacity transform shape-rendering text-rendering vector-effect paint-order
            gradientUnits gradientTransform spreadMethod class lang xml:lang xml:space""");

    /** MathML presentation elements kept; others are unwrapped ({@code maction}, {@code mpadded}, ...). */
    private static final Set<String> MATHML_ELEMENTS = Set.of(
            """
            math mrow mi mo mn ms mtext mspace msup msub msubsup mfrac msqrt mroot mtable mtr mtd
            mover munder munderover mmultiscripts mprescripts none mphantom menclose merror mstyle
            semantics mfenced"""
                    .strip()
                    .split("\\s+"));

    /**
     * MathML attributes kept. No {@code href}, no {@code xlink:*}, no {@code actiontype}, and none
     * of the spacing attributes ({@code lspace}, {@code voffset}, {@code width}...) that could
     * move glyphs out of the equation.
     */
    private static final Set<String> MATHML_ATTRIBUTES = Set.of(
            """
            display mathvariant mathsize mathcolor mathbackground dir displaystyle scriptlevel fence
            separator stretchy symmetric largeop movablelimits accent accentunder form linethickness
            numalign denomalign bevelled notation columnalign rowalign columnspan rowspan columnlines
            rowlines frame framespacing equalrows equalcolumns columnspacing rowspacing open close
            separators align class lang xml:lang"""
                    .strip()
                    .split("\\s+"));

    /**
     * Elements removed with their content: code, styles, resources and animations in SVG (and any
     * SVG element not kept: its content is not text for the reader), and MathML annotations (the
     * TeX source of an equation).
     */
    private static final Set<String> MATHML_DROPPED = Set.of("annotation", "annotation-xml");

    /** A value that is a number, a length, a list of them, a colour, a name or a transform; no url(). */
    private static final Pattern UNSAFE_VALUE =
            Pattern.compile("url|\\\\|javascript|expression|[<>{}@;]", Pattern.CASE_INSENSITIVE);

    /** Five digits or more in a MathML value: sizes like {@code 99999px} only serve to break the page. */
    private static final Pattern HUGE = Pattern.compile("(?<![#\\w.])\\d{5,}");

    /** The SVG element's proper name if it is kept, else null (removed with its content). */
    static String svgElement(String lowerName) {
        return SVG_ELEMENTS.get(lowerName);
    }

    static boolean mathmlKept(String name) {
        return MATHML_ELEMENTS.contains(name);
    }

    static boolean mathmlDropped(String name) {
        return MATHML_DROPPED.contains(name);
    }

    /** Elements whose content a browser parses as HTML: SVG's text holders and MathML's token elements. */
    static boolean isIntegrationPoint(String name) {
        return switch (name) {
            case "title", "desc", "mi", "mo", "mn", "ms", "mtext" -> true;
            default -> false;
        };
    }

    /**
     * The name under which an SVG element's attribute is kept, or null when it is not. {@code
     * root}: the outermost {@code svg}, which may not be transformed out of its place in the
     * page. Links ({@code href}, {@code xlink:href} on {@code a}) are left to the caller.
     */
    static String svgAttribute(String lowerName, String value, boolean root) {
        if (lowerName.equals("xmlns")) {
            return value.equals(SVG_NAMESPACE) ? "xmlns" : null;
        }
        if (lowerName.equals("xmlns:xlink")) {
            return value.equals(XLINK_NAMESPACE) ? "xmlns:xlink" : null;
        }
        String name = SVG_ATTRIBUTES.get(lowerName);
        if (name == null
                || root && name.equals("transform")
                || UNSAFE_VALUE.matcher(value).find()) {
            return null;
        }
        return name;
    }

    /** The name under which a MathML element's attribute is kept, or null when it is not. */
    static String mathmlAttribute(String lowerName, String value) {
        if (lowerName.equals("xmlns")) {
            return value.equals(MATHML_NAMESPACE) ? "xmlns" : null;
        }
        if (!MATHML_ATTRIBUTES.contains(lowerName)
                || UNSAFE_VALUE.matcher(value).find()
                || HUGE.matcher(value).find()) {
            return null;
        }
        return lowerName;
    }

    private static Map<String, String> spellings(String names) {
        Map<String, String> byLowerCase = new HashMap<>();
        for (String name : names.strip().split("\\s+")) {
            byLowerCase.put(name.toLowerCase(Locale.ROOT), name);
        }
        return Map.copyOf(byLowerCase);
    }
}
