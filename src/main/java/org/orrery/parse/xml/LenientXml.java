package org.orrery.parse.xml;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Rebuilds a document that is not well-formed XML (undeclared entities, bare {@code &} and
 * {@code <}, control characters, unclosed tags, truncation, text before the root) as
 * well-formed XML, with jsoup's forgiving XML parser, so the one streaming reader reads both.
 * Undeclared namespace prefixes are bound to their usual namespaces, or to a private URN.
 */
public final class LenientXml {
    private static final Map<String, String> USUAL_NAMESPACES = Map.ofEntries(
            Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
            Map.entry("dcterms", "http://purl.org/dc/terms/"),
            Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
            Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            Map.entry("atom", "http://www.w3.org/2005/Atom"),
            Map.entry("media", "http://search.yahoo.com/mrss/"),
            Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
            Map.entry("feedburner", "http://rssnamespace.org/feedburner/ext/1.0"),
            Map.entry("xhtml", "http://www.w3.org/1999/xhtml"));

    private LenientXml() {}

    /** The document's first element, repaired; null when there is no element at all. */
    public static String repair(String text) {
        Document document = Parser.xmlParser().parseInput(withoutInvalidCharacters(text), "");
        Element root = root(document);
        if (root == null) {
            return null;
        }
        document.outputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .charset("UTF-8")
                .prettyPrint(false);
        bindUndeclaredPrefixes(root);
        return root.outerHtml();
    }

    /** The feed's root: the first element named like one, else the first element. */
    private static Element root(Document document) {
        for (Element e : document.getAllElements()) {
            String name = e.tagName();
            String local = name.substring(name.indexOf(':') + 1);
            if (local.equals("rss") || local.equals("RDF") || local.equals("feed") || local.equals("channel")) {
                return e;
            }
        }
        return document.children().isEmpty() ? null : document.child(0);
    }

    private static void bindUndeclaredPrefixes(Element root) {
        Set<String> declared = new HashSet<>();
        Set<String> used = new HashSet<>();
        for (Element e : root.getAllElements()) {
            prefix(e.tagName(), used);
            for (Attribute a : e.attributes()) {
                String key = a.getKey();
                if (key.startsWith("xmlns:")) {
                    declared.add(key.substring("xmlns:".length()));
                } else {
                    prefix(key, used);
                }
            }
        }
        used.removeAll(declared);
        used.remove("xml");
        used.remove("xmlns");
        for (String prefix : used) {
            root.attr("xmlns:" + prefix, USUAL_NAMESPACES.getOrDefault(prefix, "urn:orrery:undeclared:" + prefix));
        }
    }

    private static void prefix(String name, Set<String> into) {
        int colon = name.indexOf(':');
        if (colon > 0) {
            into.add(name.substring(0, colon));
        }
    }

    /** XML 1.0 §2.2: controls other than tab and line ends, lone surrogates, U+FFFE/U+FFFF. */
    static String withoutInvalidCharacters(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean valid;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            valid = (c >= 0x20 && c < 0xD800) || c == '\t' || c == '\n' || c == '\r' || (c >= 0xE000 && c < 0xFFFE);
            if (!valid && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (valid && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
