package org.orrery.filter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.jsoup.helper.W3CDom;
import org.orrery.model.Entry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Venus's {@code xpath_sifter.py}: every newline-separated {@code require} expression must be
 * true of the entry, no {@code exclude} expression may (a node-set is true when non-empty).
 * The entry is seen as Venus normalises it, an Atom {@code entry} with XHTML bodies; prefixes
 * {@code atom}, {@code xhtml} and {@code planet} are bound.
 */
final class XPathSifter implements EntryFilter {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String PLANET = "http://planet.intertwingly.net/";
    private static final Map<String, String> PREFIXES = Map.of("atom", ATOM, "xhtml", XHTML, "planet", PLANET);

    private record Compiled(String text, XPathExpression expression) {}

    private final List<Compiled> require;
    private final List<Compiled> exclude;

    XPathSifter(Map<String, String> params) {
        this.require = compile(params.get("require"));
        this.exclude = compile(params.get("exclude"));
    }

    @Override
    public Verdict apply(Entry entry, Instant now, Instant firstSeen) {
        Document atom = atom(entry);
        for (Compiled c : require) {
            if (!test(c, atom)) {
                return new Verdict.Dropped(entry.key(), "xpath_sifter: " + c.text() + " is false");
            }
        }
        for (Compiled c : exclude) {
            if (test(c, atom)) {
                return new Verdict.Dropped(entry.key(), "xpath_sifter: excluded by " + c.text());
            }
        }
        return new Verdict.Kept(entry);
    }

    private static boolean test(Compiled c, Document atom) {
        try {
            return (Boolean) c.expression().evaluate(atom, XPathConstants.BOOLEAN);
        } catch (XPathExpressionException e) {
            // An expression that compiled but fails on this entry (e.g. a type error) selects nothing.
            return false;
        }
    }

    private static List<Compiled> compile(String value) {
        List<Compiled> compiled = new ArrayList<>();
        if (value == null) {
            return compiled;
        }
        var xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return PREFIXES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return List.<String>of().iterator();
            }
        });
        for (String line : value.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                compiled.add(new Compiled(line, xpath.compile(line)));
            } catch (XPathExpressionException e) {
                throw new IllegalArgumentException("xpath_sifter: not an XPath expression: " + line, e);
            }
        }
        return List.copyOf(compiled);
    }

    /** The entry as a normalised Atom entry: Venus's view of it, for XPath. */
    static Document atom(Entry e) {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException ex) {
            throw new IllegalStateException("the JDK's DOM builder is always available", ex);
        }
        Element entry = doc.createElementNS(ATOM, "entry");
        doc.appendChild(entry);
        text(entry, "id", e.key());
        text(entry, "title", e.title()).setAttribute("type", "text");
        e.link().ifPresent(link -> {
            Element l = child(entry, "link");
            l.setAttribute("rel", "alternate");
            l.setAttribute("href", link.toString());
        });
        e.summaryHtml().ifPresent(s -> xhtml(entry, "summary", s));
        if (!e.contentHtml().isBlank()) {
            xhtml(entry, "content", e.contentHtml());
        }
        e.updated().or(e::published).ifPresent(u -> text(entry, "updated", u.toString()));
        e.published().ifPresent(p -> text(entry, "published", p.toString()));
        e.author().ifPresent(a -> text(child(entry, "author"), "name", a));
        for (String term : e.categories()) {
            child(entry, "category").setAttribute("term", term);
        }
        return doc;
    }

    private static Element child(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElementNS(ATOM, name);
        parent.appendChild(child);
        return child;
    }

    private static Element text(Element parent, String name, String value) {
        Element child = child(parent, name);
        child.setTextContent(value);
        return child;
    }

    private static void xhtml(Element entry, String name, String html) {
        Element holder = child(entry, name);
        holder.setAttribute("type", "xhtml");
        Document body = new W3CDom().fromJsoup(HtmlTrees.parse(html));
        Element div = entry.getOwnerDocument().createElementNS(XHTML, "div");
        holder.appendChild(div);
        Optional<Node> bodyElement =
                Optional.ofNullable(body.getElementsByTagNameNS("*", "body").item(0));
        bodyElement.ifPresent(b -> {
            for (Node n = b.getFirstChild(); n != null; n = n.getNextSibling()) {
                div.appendChild(entry.getOwnerDocument().importNode(n, true));
            }
        });
    }
}
