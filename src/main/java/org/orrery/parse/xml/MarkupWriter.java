package org.orrery.parse.xml;

import java.net.URI;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.orrery.parse.encoding.MisencodedText;
import org.orrery.sanitize.Escape;

/** Writes the content of one element as HTML while the cursor walks through it. */
final class MarkupWriter {
    private static final Set<String> VOID_ELEMENTS = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite", "poster", "longdesc");

    private final XmlCursor cursor;
    private final XMLStreamReader reader;
    private final boolean textIsHtml;
    private final StringBuilder html = new StringBuilder();
    /** What {@link #write} saw at the top level: elements, text that is not blank, the span inside a div. */
    private int topElements;

    private boolean topText;
    private boolean topIsXhtmlDiv;
    private int divInnerStart;
    private int divInnerEnd;

    MarkupWriter(XmlCursor cursor, XMLStreamReader reader, boolean textIsHtml) {
        this.cursor = cursor;
        this.reader = reader;
        this.textIsHtml = textIsHtml;
    }

    /** The current element with its own tags. */
    String writeElement() throws XMLStreamException {
        String name = reader.getLocalName();
        startTag(cursor.base());
        walk();
        if (!VOID_ELEMENTS.contains(name)) {
            html.append("</").append(name).append('>');
        }
        return MisencodedText.repaired(html.toString());
    }

    /** The content of the current element, without its own tags. */
    String write() throws XMLStreamException {
        walk();
        return MisencodedText.repaired(html.toString());
    }

    /** As {@link #write}, leaving out an XHTML div that holds all of the content. */
    String writeWithoutXhtmlDiv() throws XMLStreamException {
        walk();
        boolean wrapped = topElements == 1 && topIsXhtmlDiv && !topText;
        return MisencodedText.repaired(wrapped ? html.substring(divInnerStart, divInnerEnd) : html.toString());
    }

    /** Writes the content of the current element to {@link #html}, consuming it. */
    private void walk() throws XMLStreamException {
        URI outerBase = cursor.base();
        int start = cursor.depth();
        while (cursor.depth() >= start) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    cursor.enter();
                    boolean top = cursor.depth() == start + 1;
                    if (top) {
                        topElements++;
                        topIsXhtmlDiv = XHTML.equals(reader.getNamespaceURI())
                                && reader.getLocalName().equals("div");
                    }
                    startTag(outerBase);
                    if (top) {
                        divInnerStart = html.length();
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (cursor.depth() == start + 1) {
                        divInnerEnd = html.length();
                    }
                    if (cursor.depth() > start && !VOID_ELEMENTS.contains(reader.getLocalName())) {
                        html.append("</").append(reader.getLocalName()).append('>');
                    }
                    cursor.leave();
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    topText |= cursor.depth() == start && !reader.getText().isBlank();
                    text(reader.getText());
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> {
                    topText |= cursor.depth() == start;
                    text(cursor.entity());
                }
                default -> {}
            }
        }
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
                    .append(Escape.attribute(value))
                    .append('"');
        }
        html.append('>');
    }

    private void text(String text) {
        html.append(textIsHtml ? text : Escape.text(text));
    }
}
