package org.orrery.sanitize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What must never be true of sanitised HTML, judged on the tree an HTML5 parser (jsoup's
 * spec-compliant tree builder) builds from it: what a browser would build.
 */
public final class SafetyCheck {
    private SafetyCheck() {}

    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of(
            "script",
            "style",
            "template",
            "base",
            "meta",
            "link",
            "form",
            "object",
            "embed",
            "applet",
            "noscript",
            "frame",
            "frameset",
            "noembed",
            "noframes",
            "xmp",
            "plaintext",
            "title",
            "portal");
    /** SVG and MathML elements that run script, load or reference resources, or animate attributes. */
    private static final Set<String> FORBIDDEN_FOREIGN_ELEMENTS = Set.of(
            "script",
            "style",
            "foreignobject",
            "use",
            "image",
            "feimage",
            "animate",
            "animatemotion",
            "animatetransform",
            "animatecolor",
            "set",
            "discard",
            "handler",
            "listener",
            "iframe",
            "pattern",
            "filter",
            "mask",
            "maction",
            "annotation-xml",
            "mglyph");

    /** Attributes that animate or act on SVG and MathML. */
    private static final Set<String> FORBIDDEN_FOREIGN_ATTRIBUTES =
            Set.of("attributename", "values", "from", "to", "by", "begin", "actiontype", "xml:base", "style");

    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "src",
            "action",
            "formaction",
            "poster",
            "cite",
            "background",
            "data",
            "datasrc",
            "dynsrc",
            "lowsrc",
            "longdesc",
            "icon",
            "codebase",
            "xlink:href",
            "ping",
            "manifest",
            "vrml");
    private static final Pattern WEB = Pattern.compile("^(?:https?://|mailto:)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMAGE_DATA = Pattern.compile("^data:image/(?:png|gif|jpeg|jpg|webp|avif|bmp);base64,");
    private static final Pattern BAD_CSS =
            Pattern.compile("expression|url\\s*\\(|javascript|behavior|binding|@import|\\\\", Pattern.CASE_INSENSITIVE);

    /** What a browser reads as a URL's scheme, after dropping the characters it ignores. */
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private static final Pattern BROWSER_IGNORED = Pattern.compile("^[\\x00-\\x20]+|[\\t\\n\\r]");

    /** Every rule the HTML breaks; empty when it is safe. */
    public static List<String> violations(String html) {
        return violations(html, false);
    }

    /**
     * Like {@link #violations(String)}; with {@code relativeUrlsAllowed} (sanitised without a
     * web base) a URL may also be one without a scheme, which resolves against the http(s) page.
     */
    public static List<String> violations(String html, boolean relativeUrlsAllowed) {
        List<String> problems = new ArrayList<>();
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element el : body.getAllElements()) {
            if (el == body) {
                continue;
            }
            String name = el.normalName();
            String namespace = el.tag().namespace();
            boolean inHtml = namespace.equals(Parser.NamespaceHtml);
            if (inHtml ? FORBIDDEN_ELEMENTS.contains(name) : FORBIDDEN_FOREIGN_ELEMENTS.contains(name)) {
                problems.add("element <" + name + "> in " + namespace);
            }
            if (!inHtml) {
                problems.addAll(foreignAttributeProblems(el, name, namespace));
            }
            if (name.equals("iframe") && !el.attr("sandbox").equals(Embeds.SANDBOX)) {
                problems.add("iframe without our sandbox");
            }
            for (Attribute a : el.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue();
                if (key.startsWith("on")) {
                    problems.add("event handler " + key + " on <" + name + ">");
                } else if (key.equals("srcdoc") || key.equals("formaction") || key.equals("is")) {
                    problems.add("attribute " + key);
                } else if (URL_ATTRIBUTES.contains(key)
                        && !value.isEmpty()
                        && !WEB.matcher(value).find()
                        && !(relativeUrlsAllowed && isRelative(value))
                        && !(name.equals("img")
                                && key.equals("src")
                                && IMAGE_DATA.matcher(value).find())) {
                    problems.add(key + "=" + value + " on <" + name + ">");
                } else if (key.equals("srcset") || key.equals("data-srcset")) {
                    for (String candidate : value.split(",\\s+")) {
                        if (!WEB.matcher(candidate.strip()).find() && !(relativeUrlsAllowed && isRelative(candidate))) {
                            problems.add("srcset candidate " + candidate);
                        }
                    }
                } else if (key.equals("style") && BAD_CSS.matcher(value).find()) {
                    problems.add("style " + value);
                } else if (key.equals("style") && value.toLowerCase(Locale.ROOT).contains("position")) {
                    problems.add("positioned style " + value);
                }
            }
        }
        return problems;
    }

    private static List<String> foreignAttributeProblems(Element el, String name, String namespace) {
        List<String> problems = new ArrayList<>();
        boolean svgLink = namespace.equals(Parser.NamespaceSvg) && name.equals("a");
        for (Attribute a : el.attributes()) {
            String key = a.getKey().toLowerCase(Locale.ROOT);
            boolean link = key.equals("href") || key.equals("xlink:href");
            if (FORBIDDEN_FOREIGN_ATTRIBUTES.contains(key)
                    || key.startsWith("xlink:") && !(svgLink && link)
                    || link && !svgLink
                    || !link && a.getValue().toLowerCase(Locale.ROOT).contains("url(")) {
                problems.add("attribute " + key + "=" + a.getValue() + " on <" + name + "> in " + namespace);
            }
        }
        if (name.equals("svg")
                && el.hasAttr("transform")
                && (el.parent() == null || el.parent().tag().namespace().equals(Parser.NamespaceHtml))) {
            problems.add("a transformed drawing can cover the page");
        }
        return problems;
    }

    private static boolean isRelative(String url) {
        String value = BROWSER_IGNORED.matcher(url).replaceAll("");
        return !SCHEME.matcher(value).find() && value.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
