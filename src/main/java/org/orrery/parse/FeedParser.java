package org.orrery.parse;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
 * <p>Threat model: documents are untrusted. No external entity or DTD is ever resolved (no file
 * or network access); of the internal DTD subset only entities declared as plain text are
 * read, expanded within a bound and never nested (no billion laughs). References to other
 * entities become the HTML entity of that name or stay as written, with a warning. Woodstox's limits bound
 * element depth and name and text sizes. Thread-safe: one instance serves all feeds.
 *
 * <p>Charset: see {@link DocumentText}.
 */
public final class FeedParser {
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /**
     * Larger documents are refused when read whole: no feed needs them, and each is held in
     * memory twice. Streams have no limit while they read well.
     */
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

    /** How much of a stream is read before its entries are handed over: see the streaming parse. */
    static final int HELD_BYTES = 1024 * 1024;

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
        return parse(document, documentUri, declaredCharset, ParseLimits.NONE);
    }

    /**
     * As {@link #parse(byte[], URI, Optional)}, within {@code limits}: of more entries than
     * {@link ParseLimits#maxEntries()} the first are kept, with a warning saying how many there
     * were.
     *
     * @throws FeedParseException also when parsing takes longer than {@link ParseLimits#maxTime()}
     */
    public ParsedFeed parse(byte[] document, URI documentUri, Optional<String> declaredCharset, ParseLimits limits)
            throws FeedParseException {
        if (document.length > MAX_DOCUMENT_BYTES) {
            throw new FeedParseException(
                    "document of " + document.length + " bytes is over the limit of " + MAX_DOCUMENT_BYTES + " bytes");
        }
        ParseBudget budget = new ParseBudget(limits);
        try {
            ParsedFeed feed = readWhole(document, documentUri, declaredCharset, budget);
            List<String> warnings = new ArrayList<>(feed.warnings());
            warnings.addAll(budget.warnings());
            return with(feed, budget.kept(), warnings);
        } catch (ParseBudget.OutOfTime e) {
            throw new FeedParseException(budget.outOfTimeReason());
        }
    }

    /**
     * Parses {@code document} as {@link #parse(byte[], URI, Optional)} does, handing each entry to
     * {@code entries} as soon as it has been read and keeping none: the feed returned has the
     * feed's own fields and warnings, and no entries. For a well-formed XML document memory does
     * not grow with its size, however large it is.
     *
     * <p>Where a stream cannot be read as the whole document would be (XML that is not
     * well-formed, a charset only the whole document settles, JSON), the document is opened again
     * and read whole, within {@link #MAX_DOCUMENT_BYTES}. Entries read before that point are held
     * back until {@value #HELD_BYTES} bytes have been read, so a small document's entries are
     * exactly those {@code parse(byte[], ...)} gives; a larger one's entries already handed over
     * stand, and the whole-document reading hands over only those after them.
     *
     * @throws FeedParseException when nothing in the document is usable as a feed
     * @throws IOException when the document cannot be read
     */
    public ParsedFeed parse(
            DocumentSource document,
            URI documentUri,
            Optional<String> declaredCharset,
            Consumer<? super ParsedEntry> entries)
            throws FeedParseException, IOException {
        Held held;
        String why;
        try (CountingStream in = new CountingStream(document.open())) {
            held = new Held(entries, in);
            List<String> warnings = new ArrayList<>();
            try {
                Reader text = new BufferedReader(DocumentText.reader(in, declaredCharset, warnings));
                if (!startsLikeJson(text)) {
                    ParsedFeed feed = readXml(text, documentUri, warnings, held);
                    held.release();
                    return feed;
                }
                why = "a JSON document is read whole";
            } catch (DocumentText.WholeDocumentNeeded e) {
                why = e.getMessage();
            } catch (XMLStreamException e) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof DocumentText.WholeDocumentNeeded) {
                        break;
                    }
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                }
                why = notWellFormed(e).getMessage();
            }
        }
        byte[] whole = wholeDocument(document, why);
        ParseBudget budget = new ParseBudget(ParseLimits.NONE);
        ParsedFeed feed = readWhole(whole, documentUri, declaredCharset, budget);
        List<ParsedEntry> all = budget.kept();
        all.subList(Math.min(held.handedOver(), all.size()), all.size()).forEach(entries);
        return feed;
    }

    /** The whole document; measured first, so one too large to read whole costs no memory. */
    private static byte[] wholeDocument(DocumentSource document, String why) throws IOException, FeedParseException {
        long length = 0;
        byte[] buffer = new byte[8192];
        try (InputStream in = document.open()) {
            for (int n = 0; n >= 0 && length <= MAX_DOCUMENT_BYTES; n = in.read(buffer)) {
                length += n;
            }
        }
        if (length > MAX_DOCUMENT_BYTES) {
            throw new FeedParseException(
                    why + "; a document read whole must be at most " + MAX_DOCUMENT_BYTES + " bytes");
        }
        try (InputStream in = document.open()) {
            return in.readNBytes(MAX_DOCUMENT_BYTES);
        }
    }

    /**
     * Reads a document in memory, handing its entries to {@code budget}; the feed returned has
     * none. Throws {@link ParseBudget.OutOfTime} when the budget's time is up.
     */
    private ParsedFeed readWhole(byte[] document, URI documentUri, Optional<String> declaredCharset, ParseBudget budget)
            throws FeedParseException {
        List<String> warnings = new ArrayList<>();
        String text = DocumentText.decode(document, declaredCharset, warnings);
        budget.check();
        if (JsonFeedAdapter.looksLikeJson(text)) {
            return JsonFeedAdapter.read(text, documentUri, warnings, budget.sink());
        }
        try {
            return readXml(budget.watch(new StringReader(text)), documentUri, warnings, budget.sink());
        } catch (XMLStreamException strictFailure) {
            budget.clear();
            FeedParseException notWellFormed = notWellFormed(strictFailure);
            String repaired = LenientXml.repair(text);
            if (repaired == null) {
                throw notWellFormed;
            }
            budget.check();
            warnings.add(notWellFormed.getMessage() + "; read leniently");
            try {
                return readXml(budget.watch(new StringReader(repaired)), documentUri, warnings, budget.sink());
            } catch (XMLStreamException lenientFailure) {
                notWellFormed.addSuppressed(lenientFailure);
                throw notWellFormed;
            }
        }
    }

    /** Reads XML text; {@code warnings} (about its charset, which may grow as it is read) come first. */
    private ParsedFeed readXml(
            Reader text, URI documentUri, List<String> warnings, Consumer<? super ParsedEntry> entries)
            throws XMLStreamException, FeedParseException {
        // The system id only labels error positions: nothing is ever resolved against it.
        XMLStreamReader reader = factory.createXMLStreamReader(documentUri.toString(), text);
        try {
            ParsedFeed feed = readFeed(new XmlCursor(reader, documentUri, List.of()), entries::accept);
            List<String> all = new ArrayList<>(warnings);
            all.addAll(feed.warnings());
            return with(feed, List.of(), all);
        } finally {
            close(reader);
        }
    }

    /** Whether the text's first non-blank character opens a JSON object; the reader is left unread. */
    private static boolean startsLikeJson(Reader text) throws IOException {
        text.mark(HELD_BYTES);
        try {
            for (int i = 0; i < HELD_BYTES; i++) {
                int c = text.read();
                if (c < 0) {
                    return false;
                }
                if (!Character.isWhitespace(c) && c != '\uFEFF') {
                    return c == '{';
                }
            }
            throw new DocumentText.WholeDocumentNeeded("blank for over " + HELD_BYTES + " characters");
        } finally {
            text.reset();
        }
    }

    private static ParsedFeed with(ParsedFeed feed, List<ParsedEntry> entries, List<String> warnings) {
        return new ParsedFeed(
                feed.format(),
                feed.title(),
                feed.link(),
                feed.subtitle(),
                feed.language(),
                feed.updated(),
                entries,
                warnings,
                feed.id(),
                feed.author(),
                feed.credits());
    }

    private static ParsedFeed readFeed(XmlCursor cursor, Consumer<ParsedEntry> entries)
            throws XMLStreamException, FeedParseException {
        String ns = cursor.namespace();
        String root = cursor.localName();
        if (root.equals("rss") || (root.equals("RDF") && ns.equals(RDF))) {
            return RssAdapter.read(cursor, entries);
        }
        // Atom 0.3 and its drafts used several namespaces (and none): the root's name decides.
        if (root.equals("feed")) {
            return AtomAdapter.read(cursor, entries);
        }
        if (CdfAdapter.isChannel(cursor)) {
            return CdfAdapter.read(cursor, entries);
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
            // The stream under it is closed by its owner, which reports failures that matter.
        }
    }

    /** Entries of a stream, held back until {@link #HELD_BYTES} of it have been read. */
    private static final class Held implements Consumer<ParsedEntry> {
        private final Consumer<? super ParsedEntry> entries;
        private final CountingStream in;
        private List<ParsedEntry> held = new ArrayList<>();
        private int handedOver;

        Held(Consumer<? super ParsedEntry> entries, CountingStream in) {
            this.entries = entries;
            this.in = in;
        }

        @Override
        public void accept(ParsedEntry entry) {
            if (held != null && in.count < HELD_BYTES) {
                held.add(entry);
                return;
            }
            release();
            hand(entry);
        }

        /** Hands over the entries held so far; later ones go straight through. */
        void release() {
            if (held != null) {
                held.forEach(this::hand);
                held = null;
            }
        }

        /** How many entries have been handed over, none of them held. */
        int handedOver() {
            return handedOver;
        }

        private void hand(ParsedEntry entry) {
            entries.accept(entry);
            handedOver++;
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    static XMLInputFactory newFactory() {
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
