package org.orrery.migrate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The XML of Venus's cache files: Atom with {@code planet:} elements, read strictly (Venus's own
 * minidom refused what is not well-formed) and with no DTDs or external entities.
 */
final class VenusXml {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String PLANET = "http://planet.intertwingly.net/";

    private VenusXml() {}

    /** The document in {@code bytes}; an {@link IOException} saying why when it is not well-formed. */
    static Document parse(byte[] bytes) throws IOException {
        try {
            DocumentBuilder builder = FACTORY.get().newDocumentBuilder();
            // The default handler prints fatal errors on standard error before throwing them.
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            throw new IOException("not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refused its own settings", e);
        }
    }

    /** The child elements of {@code parent} named {@code local} in {@code namespace}, in order. */
    static List<Element> children(Element parent, String namespace, String local) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The trimmed text of the first such child, when it has some. */
    static Optional<String> text(Element parent, String namespace, String local) {
        return children(parent, namespace, local).stream()
                .findFirst()
                .map(e -> e.getTextContent().strip())
                .filter(s -> !s.isEmpty());
    }

    /** The {@code href} of the first Atom link with {@code rel}, when there is one. */
    static Optional<String> link(Element parent, String rel) {
        return children(parent, ATOM, "link").stream()
                .filter(e -> rel.equals(e.getAttribute("rel").strip()))
                .map(e -> e.getAttribute("href").strip())
                .filter(s -> !s.isEmpty())
                .findFirst();
    }

    private static final ThreadLocal<DocumentBuilderFactory> FACTORY = ThreadLocal.withInitial(() -> {
        var factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setExpandEntityReferences(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    });
}
