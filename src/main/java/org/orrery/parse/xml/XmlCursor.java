package org.orrery.parse.xml;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.nodes.Entities;
import org.orrery.parse.encoding.MisencodedText;

/**
 * A forward-only walk over a feed document that knows the {@code xml:base} and {@code
 * xml:lang} in effect on the current element and collects warnings.
 *
 * <p>Handlers read one element at a time: {@link #nextChild(int)} moves to the next child
 * element, and every child is then consumed to its end tag by {@link #text()}, {@link
 * #markup(boolean)}, {@link #skip()} or a nested {@code nextChild} loop.
 */
public final class XmlCursor {
    private final XMLStreamReader reader;
    private final Deque<URI> bases = new ArrayDeque<>();
    private final Deque<Optional<String>> langs = new ArrayDeque<>();
    private final List<String> warnings = new ArrayList<>();
    private InternalEntities entities = new InternalEntities();

    /**
     * Moves {@code reader} to the root element; the document's URL is the outermost base, and
     * {@code warnings} (e.g. about its charset) come first.
     */
    public XmlCursor(XMLStreamReader reader, URI documentUri, List<String> warnings) throws XMLStreamException {
        this.reader = reader;
        this.warnings.addAll(warnings);
        bases.push(documentUri);
        langs.push(Optional.empty());
        for (int event = reader.next(); event != XMLStreamConstants.START_ELEMENT; event = reader.next()) {
            // Prolog: XML declaration, comments, processing instructions, the DTD, of which only
            // the internal subset's plain-text entities are read.
            if (event == XMLStreamConstants.DTD) {
                entities = new InternalEntities(String.valueOf(reader.getText()));
            }
        }
        enter();
    }

    /** How many elements are open, the current one included (the root is 1). */
    public int depth() {
        return bases.size() - 1;
    }

    public String namespace() {
        String ns = reader.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    public String localName() {
        return reader.getLocalName();
    }

    /** The namespace {@code prefix} ("" for the default) is bound to on the current element. */
    public Optional<String> namespaceOf(String prefix) {
        return Optional.ofNullable(reader.getNamespaceURI(prefix)).filter(ns -> !ns.isEmpty());
    }

    /** The current element's name as written, prefix included. */
    public String qualifiedName() {
        String prefix = reader.getPrefix();
        return prefix == null || prefix.isEmpty() ? localName() : prefix + ":" + localName();
    }

    /** The base URI in effect on the current element, its own {@code xml:base} applied. */
    public URI base() {
        return bases.peek();
    }

    /** The {@code xml:lang} in effect on the current element. */
    public Optional<String> lang() {
        return langs.peek();
    }

    /** An attribute of the current start tag; {@code namespace} is "" for unprefixed ones. */
    public Optional<String> attribute(String namespace, String localName) {
        return Optional.ofNullable(reader.getAttributeValue(namespace, localName));
    }

    /** An unprefixed attribute of the current start tag whose name is written in any case. */
    public Optional<String> attributeIgnoringCase(String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String ns = reader.getAttributeNamespace(i);
            if ((ns == null || ns.isEmpty()) && reader.getAttributeLocalName(i).equalsIgnoreCase(localName)) {
                return Optional.of(reader.getAttributeValue(i));
            }
        }
        return Optional.empty();
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Advances to the next child element of the open element at {@code parentDepth}; false once
     * that element's end tag has been consumed.
     */
    public boolean nextChild(int parentDepth) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                enter();
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                leave();
                if (depth() < parentDepth) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Consumes the current element, giving the text of it and its descendants; C1 controls its
     * character references give are repaired (see {@link MisencodedText}), here and in {@link
     * #ownText()} and {@link #markup(boolean)}.
     */
    public String text() throws XMLStreamException {
        return consumeText(false);
    }

    /** Consumes the current element, giving only its own text: descendants' text is left out. */
    public String ownText() throws XMLStreamException {
        return consumeText(true);
    }

    private String consumeText(boolean ownOnly) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int start = depth();
        while (depth() >= start) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> enter();
                case XMLStreamConstants.END_ELEMENT -> leave();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!ownOnly || depth() == start) {
                        text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> {
                    String replacement = entity();
                    if (!ownOnly || depth() == start) {
                        text.append(replacement);
                    }
                }
                default -> {}
            }
        }
        return MisencodedText.repaired(text.toString());
    }

    /**
     * Consumes the current element, giving its content as HTML: child elements are written as
     * tags without namespace prefixes. Text is copied as is when it already is HTML ({@code
     * textIsHtml}, e.g. RSS descriptions), else escaped.
     */
    public String markup(boolean textIsHtml) throws XMLStreamException {
        return new MarkupWriter(this, reader, textIsHtml).write();
    }

    /**
     * Like {@link #markup(boolean)}, leaving out an XHTML {@code div} that holds all of the
     * content: the wrapper of Atom's xhtml content, which some publishers (Typepad) send
     * inside content they label html.
     */
    public String markupWithoutXhtmlDiv(boolean textIsHtml) throws XMLStreamException {
        return new MarkupWriter(this, reader, textIsHtml).writeWithoutXhtmlDiv();
    }

    /** Like {@link #markup(boolean)}, with the current element's own tags around its content. */
    public String outerMarkup(boolean textIsHtml) throws XMLStreamException {
        return new MarkupWriter(this, reader, textIsHtml).writeElement();
    }

    /** Consumes the current element and everything in it. */
    public void skip() throws XMLStreamException {
        int start = depth();
        while (depth() >= start) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> enter();
                case XMLStreamConstants.END_ELEMENT -> leave();
                default -> {}
            }
        }
    }

    void enter() {
        URI base = bases.peek();
        String xmlBase = reader.getAttributeValue(XMLConstants.XML_NS_URI, "base");
        if (xmlBase != null) {
            Optional<URI> resolved = XmlBase.resolve(base, xmlBase);
            if (resolved.isPresent()) {
                base = resolved.get();
            } else {
                warn("ignored unreadable xml:base '" + xmlBase + "' on <" + qualifiedName() + ">");
            }
        }
        bases.push(base);
        String xmlLang = reader.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
        langs.push(xmlLang == null ? langs.peek() : Optional.of(xmlLang.strip()).filter(s -> !s.isEmpty()));
    }

    void leave() {
        bases.pop();
        langs.pop();
    }

    /**
     * The replacement of an entity reference that is not one of XML's five: a plain-text
     * entity the document's internal subset declares (see {@link InternalEntities}), else one of
     * HTML's named entities (common in feeds); others stay as written, as HTML5 leaves unknown
     * references.
     */
    String entity() {
        String name = reader.getLocalName();
        Optional<String> declared = entities.expand(name);
        if (declared.isPresent()) {
            return declared.get();
        }
        if (Entities.isNamedEntity(name)) {
            return Entities.getByName(name);
        }
        warn("kept unknown entity &" + name + "; as text");
        return "&" + name + ";";
    }
}
