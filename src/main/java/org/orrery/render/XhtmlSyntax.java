package org.orrery.render;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An XSLT theme's XHTML page written in HTML's syntax, for the {@code .html} files Orrery
 * publishes: browsers read those as HTML, where {@code <div id="sidebar"/>} opens a {@code div}
 * that swallows the rest of the page. Venus wrote the XML as it was, and planets that used such
 * themes served it as XHTML (Planet Mozilla's {@code .htaccess}); written in HTML's syntax, the
 * page is the same tree under any server.
 */
final class XhtmlSyntax {
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private XhtmlSyntax() {}

    /**
     * {@code page} in HTML's syntax when it is well-formed XML whose root is XHTML's {@code html};
     * otherwise (the stylesheet wrote HTML, or not a page) as it is.
     */
    static String toHtml(String page) {
        if (!page.contains(XHTML) || !wellFormed(page)) {
            return page;
        }
        Document xml = Jsoup.parse(page, "", Parser.xmlParser());
        Element root = xml.children().first();
        if (root == null || !root.tagName().equals("html") || !XHTML.equals(root.attr("xmlns"))) {
            return page;
        }
        Document html = new Document("");
        html.outputSettings()
                .syntax(Document.OutputSettings.Syntax.html)
                .prettyPrint(false)
                .charset("UTF-8");
        for (Node node : xml.childNodes()) {
            copy(node, html, false);
        }
        return html.outerHtml();
    }

    /**
     * {@code node} appended to {@code parent} as an HTML node: elements take HTML's tags (so
     * {@code meta} and {@code br} are void, and an empty {@code div} is closed), the text of
     * scripts and styles is written as it is, as XHTML read it.
     */
    private static void copy(Node node, Element parent, boolean raw) {
        switch (node) {
            case Element element -> {
                Element copy = new Element(element.tagName());
                for (Attribute attribute : element.attributes()) {
                    // HTML has no namespace prefixes: what XSLT copied along with a node (xmlns:planet) means nothing
                    // there.
                    if (!attribute.getKey().startsWith("xmlns:")) {
                        copy.attr(attribute.getKey(), attribute.getValue());
                    }
                }
                parent.appendChild(copy);
                boolean data = element.nameIs("script") || element.nameIs("style");
                for (Node child : element.childNodes()) {
                    copy(child, copy, data);
                }
            }
            case TextNode text when raw -> parent.appendChild(new DataNode(text.getWholeText()));
            case TextNode text -> parent.appendChild(new TextNode(text.getWholeText()));
            case Comment comment -> parent.appendChild(new Comment(comment.getData()));
            case DocumentType type ->
                parent.appendChild(new DocumentType(type.name(), type.publicId(), type.systemId()));
            default -> {
                // The XML declaration and processing instructions have no place in HTML.
            }
        }
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
