package org.orrery.render;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An XSLT theme's XHTML page written so that it reads the same as HTML and as XML, for the
 * {@code .html} files Orrery publishes. Browsers read those as HTML, where {@code <div
 * id="sidebar"/>} opens a {@code div} that swallows the rest of the page; Venus wrote the XML as
 * it was, and planets that used such themes served it as XHTML (Planet Mozilla's {@code
 * .htaccess}, which its theme copies into the site, still does). Here an element with nothing in
 * it is closed by an end tag unless HTML's syntax has it void ({@code <meta ... />}, {@code <br
 * />}), and scripts and styles are written as they are: the page is one tree under either reading.
 */
final class XhtmlSyntax {
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    /** HTML's void elements, which take no end tag. */
    private static final Set<String> VOID = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
            "wbr");

    private XhtmlSyntax() {}

    /**
     * {@code page} in the syntax both readings share, when it is well-formed XML whose root is
     * XHTML's {@code html}; otherwise (the stylesheet wrote HTML, or not a page) as it is.
     */
    static String polyglot(String page) {
        return parse(page).map(XhtmlSyntax::write).orElse(page);
    }

    /** {@code page} read as XML, when it is well-formed XML whose root is XHTML's {@code html}. */
    static Optional<Document> parse(String page) {
        if (!page.contains(XHTML) || !wellFormed(page)) {
            return Optional.empty();
        }
        Document doc = Jsoup.parse(page, "", Parser.xmlParser());
        Element root = doc.children().first();
        if (root == null || !root.tagName().equals("html") || !XHTML.equals(root.attr("xmlns"))) {
            return Optional.empty();
        }
        return Optional.of(doc);
    }

    /** A page {@link #parse} read, written in the syntax HTML and XML share. */
    static String write(Document doc) {
        Set<String> prefixes = new HashSet<>();
        for (Element element : doc.getAllElements()) {
            prefix(element.tagName()).ifPresent(prefixes::add);
            element.attributes().forEach(a -> prefix(a.getKey()).ifPresent(prefixes::add));
        }
        for (Element element : doc.getAllElements()) {
            // A namespace XSLT copied along with a node (xmlns:planet) that nothing in the page uses.
            element.attributes().asList().stream()
                    .filter(a -> a.getKey().startsWith("xmlns:")
                            && !prefixes.contains(a.getKey().substring("xmlns:".length())))
                    .toList()
                    .forEach(a -> element.removeAttr(a.getKey()));
            if (element.nameIs("script") || element.nameIs("style")) {
                String code = element.data() + element.wholeText();
                element.empty();
                if (!code.isBlank()) {
                    element.appendChild(new DataNode(code));
                }
            }
            if (element.childNodeSize() == 0 && !VOID.contains(element.normalName())) {
                element.appendChild(new TextNode(""));
            }
        }
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).prettyPrint(false);
        return doc.outerHtml();
    }

    private static Optional<String> prefix(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(name.substring(0, colon));
    }

    private static boolean wellFormed(String page) {
        try {
            var factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.newSAXParser().parse(new InputSource(new StringReader(page)), new DefaultHandler());
            return true;
        } catch (SAXException e) {
            return false;
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("render: the JDK's XML parser is not available", e);
        }
    }
}
