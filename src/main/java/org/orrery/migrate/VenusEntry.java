package org.orrery.migrate;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.orrery.parse.FeedParseException;
import org.orrery.parse.FeedParser;
import org.orrery.parse.ParsedEntry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One entry file of a Venus cache: an Atom {@code <entry>} (what {@code reconstitute.py} made of
 * the feed's item) with a {@code <source>} naming its feed.
 *
 * @param text the file's text without its XML declaration
 * @param source the entry's {@code <source>}; empty when it has none
 * @param linked whether the entry has an alternate link (Venus wrote one when the item had a link)
 */
record VenusEntry(String text, Optional<VenusSource> source, boolean linked) {
    private static final Pattern DECLARATION = Pattern.compile("^\\uFEFF?\\s*<\\?xml[^>]*\\?>");

    /**
     * The entry in {@code file}.
     *
     * @throws IOException when the file cannot be read, is not well-formed XML or is not an Atom entry
     */
    static VenusEntry read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Document document = VenusXml.parse(bytes);
        Element root = document.getDocumentElement();
        if (!VenusXml.ATOM.equals(root.getNamespaceURI())
                || !root.getLocalName().equals("entry")) {
            throw new IOException("not an Atom entry: the root element is <" + root.getTagName() + ">");
        }
        List<Element> sources = VenusXml.children(root, VenusXml.ATOM, "source");
        // Venus wrote UTF-8; a filter of its may have written another charset and declared it.
        Charset charset = StandardCharsets.UTF_8;
        if (document.getXmlEncoding() != null) {
            try {
                charset = Charset.forName(document.getXmlEncoding());
            } catch (IllegalArgumentException e) {
                // The parser read it, so the JDK knows the charset under some name; UTF-8 otherwise.
            }
        }
        String text = DECLARATION.matcher(new String(bytes, charset)).replaceFirst("");
        // RFC 4287 §4.2.7.2: a link without rel is an alternate one.
        boolean linked = VenusXml.children(root, VenusXml.ATOM, "link").stream()
                .map(link -> link.getAttribute("rel").strip())
                .anyMatch(rel -> rel.isEmpty() || rel.equals("alternate"));
        return new VenusEntry(text, sources.stream().findFirst().map(VenusSource::of), linked);
    }

    /**
     * The entry as Orrery's Atom reader reads an entry of a feed at {@code feedUri}: Venus wrote it
     * in Atom whatever the feed's format was, so it is read as an entry of an Atom feed.
     *
     * @throws IOException when the reader finds no entry in it
     */
    ParsedEntry parse(FeedParser parser, URI feedUri) throws IOException {
        String feed = "<feed xmlns=\"" + VenusXml.ATOM + "\">" + text + "</feed>";
        try {
            List<ParsedEntry> entries = parser.parse(
                            feed.getBytes(StandardCharsets.UTF_8), feedUri, Optional.of("UTF-8"))
                    .entries();
            if (entries.isEmpty()) {
                throw new IOException("no entry could be read");
            }
            return entries.getFirst();
        } catch (FeedParseException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
