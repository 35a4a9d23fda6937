package org.orrery.parse.xml;

import java.net.URI;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Writes the content of one element as HTML while the cursor walks through it. */
final class MarkupWriter {
    private static final Set<String> VOID_ELEMENTS = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite", "poster", "longdesc");

    private final XmlCursor cursor;
    private final XMLStreamReader reader;
    private final boolean textIsHtml;
    private final StringBuilder html = new StringBuilder();

    MarkupWriter(XmlCursor cursor, XMLStreamReader reader, boolean textIsHtml) {
        this.cursor = cursor;
        this.reader = reader;
        this.textIsHtml = textIsHtml;
    }

    /** The current element with its own tags. */
    String writeElement() throws XMLStreamException {
        String name = reader.getLocalName();
        startTag(cursor.base());
        write();
        if (!VOID_ELEMENTS.contains(name)) {
            html.append("</").append(name).append('>');
        }
        return html.toString();
    }

    /** The content of the current element, without its own tags. */
    String write() throws XMLStreamException {
        URI outerBase = cursor.base();
        int start = cursor.depth();
        while (cursor.depth() >= start) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    cursor.enter();
                    startTag(outerBase);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (cursor.depth() > start && !VOID_ELEMENTS.contains(reader.getLocalName())) {
                        html.append("</").append(reader.getLocalName()).append('>');
                    }
                    cursor.leave();
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text(reader.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> text(cursor.entity());
                default -> {}
            }
        }
        return html.toString();
    }

    private void startTag(URI outerBase) {
        html.append('<').append(reader.getLocalName());
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String ns = reader.getAttributeNamespace(i);
            String name = reader.getAttributeLocalName(i);
            String value = reader.getAttributeValue(i);
            if (XMLConstants.XML_NS_URI.equals(ns) && !name.equals("lang")) {
                continue;
            }
            // A nested xml:base only reaches the consumer through absolute URLs: the content as a
            // whole carries the outer base alone.
            if (URL_ATTRIBUTES.contains(name) && !cursor.base().equals(outerBase)) {
                value = XmlBase.resolve(cursor.base(), value).map(URI::toString).orElse(value);
            }
            html.append(' ')
                    .append(name)
                    .append("=\"")
                    .append(escape(value, true))
                    .append('"');
        }
        html.append('>');
    }

    private void text(String text) {
        html.append(textIsHtml ? text : escape(text, false));
    }

    static String escape(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
