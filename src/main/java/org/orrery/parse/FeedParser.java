package org.orrery.parse;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;
import org.orrery.parse.atom.AtomAdapter;
import org.orrery.parse.cdf.CdfAdapter;
import org.orrery.parse.encoding.DocumentText;
import org.orrery.parse.jsonfeed.JsonFeedAdapter;
import org.orrery.parse.rss.RssAdapter;
import org.orrery.parse.xml.LenientXml;
import org.orrery.parse.xml.XmlCursor;

/**
 * Reads a feed document (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1) into a {@link ParsedFeed}, streaming.
 *
 * <p>Threat model: documents are untrusted. The DTD is never read and no entity is ever
 * resolved (no file or network access, no entity expansion); references to undeclared entities
 * become the HTML entity of that name or are dropped with a warning. Woodstox's limits bound
 * element depth and name and text sizes. Thread-safe: one instance serves all feeds.
 *
 * <p>Charset: see {@link DocumentText}.
 */
public final class FeedParser {
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /** Larger documents are refused: no feed needs them, and each is held in memory twice. */
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

    private final XMLInputFactory factory = newFactory();

    /**
     * Parses {@code document}, fetched from {@code documentUri} (the outermost base for relative
     * URLs), with the charset the transport declared, if any. A document that is not well-formed
     * XML is read again leniently (see {@link LenientXml}), with a warning.
     *
     * @throws FeedParseException when nothing in the document is usable as a feed
     */
    public ParsedFeed parse(byte[] document, URI documentUri, Optional<String> declaredCharset)
            throws FeedParseException {
        if (document.length > MAX_DOCUMENT_BYTES) {
            throw new FeedParseException(
                    "document of " + document.length + " bytes is over the limit of " + MAX_DOCUMENT_BYTES + " bytes");
        }
        List<String> warnings = new ArrayList<>();
        String text = DocumentText.decode(document, declaredCharset, warnings);
        if (JsonFeedAdapter.looksLikeJson(text)) {
            return JsonFeedAdapter.read(text, documentUri, warnings);
        }
        try {
            return read(text, documentUri, warnings);
        } catch (XMLStreamException strictFailure) {
            FeedParseException notWellFormed = notWellFormed(strictFailure);
            String repaired = LenientXml.repair(text);
            if (repaired == null) {
                throw notWellFormed;
            }
            warnings.add(notWellFormed.getMessage() + "; read leniently");
            try {
                return read(repaired, documentUri, warnings);
            } catch (XMLStreamException lenientFailure) {
                notWellFormed.addSuppressed(lenientFailure);
                throw notWellFormed;
            }
        }
    }

    private ParsedFeed read(String text, URI documentUri, List<String> warnings)
            throws XMLStreamException, FeedParseException {
        // The system id only labels error positions: nothing is ever resolved against it.
        XMLStreamReader reader = factory.createXMLStreamReader(documentUri.toString(), new StringReader(text));
        try {
            return readFeed(new XmlCursor(reader, documentUri, warnings));
        } finally {
            close(reader);
        }
    }

    private static ParsedFeed readFeed(XmlCursor cursor) throws XMLStreamException, FeedParseException {
        String ns = cursor.namespace();
        String root = cursor.localName();
        if (root.equals("rss") || (root.equals("RDF") && ns.equals(RDF))) {
            return RssAdapter.read(cursor);
        }
        // Atom 0.3 and its drafts used several namespaces (and none): the root's name decides.
        if (root.equals("feed")) {
            return AtomAdapter.read(cursor);
        }
        if (CdfAdapter.isChannel(cursor)) {
            return CdfAdapter.read(cursor);
        }
        throw new FeedParseException("not a feed: root element <" + cursor.qualifiedName() + ">"
                + (ns.isEmpty() ? "" : " in namespace " + ns));
    }

    /** "not well-formed XML at line 3, column 7: ..." from StAX's message and location. */
    private static FeedParseException notWellFormed(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        // Woodstox appends the location on a second line; we state it our way instead.
        int newline = message.indexOf('\n');
        String reason = (newline < 0 ? message : message.substring(0, newline)).strip();
        Location at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        return new FeedParseException("not well-formed XML" + where + ": " + reason, e);
    }

    private static void close(XMLStreamReader reader) {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // Closing a reader over an in-memory array frees nothing that could fail to be freed.
        }
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Undeclared entities arrive as events (see XmlCursor) instead of failing the document.
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return factory;
    }
}
