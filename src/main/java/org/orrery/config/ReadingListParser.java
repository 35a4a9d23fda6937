package org.orrery.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.orrery.model.Subscription;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The subscriptions a fetched reading list names, each with the list section's options as
 * defaults beneath its own (a name, for the formats that carry one). Pure: bytes in, values out.
 * A list that cannot be read at all throws {@link ConfigException}; entries without a usable
 * feed URL are skipped, as Venus skips them.
 */
public final class ReadingListParser {
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    private ReadingListParser() {}

    public static List<Subscription> parse(ReadingList list, byte[] body) throws ConfigException {
        Map<String, Map<String, String>> sections =
                switch (list.type()) {
                    case OPML -> opml(xml(list, body));
                    case FOAF -> foaf(xml(list, body));
                    case CSV -> csv(text(body));
                    case CONFIG -> config(list, text(body));
                };
        List<Subscription> subscriptions = new ArrayList<>();
        for (var section : sections.entrySet()) {
            Optional<URI> uri = absolute(list.uri(), section.getKey());
            if (uri.isEmpty()) {
                continue;
            }
            Map<String, String> options = new LinkedHashMap<>(list.options());
            options.remove("content_type");
            options.remove("name");
            options.putAll(section.getValue());
            Optional<String> name = Optional.ofNullable(options.get("name")).filter(n -> !n.isBlank());
            subscriptions.add(new Subscription(uri.get(), name, options));
        }
        return subscriptions;
    }

    /** Venus's opml.py: every {@code outline} with an {@code xmlUrl} (any case) and a text or title. */
    private static Map<String, Map<String, String>> opml(Document doc) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        NodeList outlines = doc.getElementsByTagNameNS("*", "outline");
        for (int i = 0; i < outlines.getLength(); i++) {
            Element outline = (Element) outlines.item(i);
            String type = outline.getAttribute("type").toLowerCase(Locale.ROOT);
            if (!type.isEmpty() && !List.of("rss", "atom", "link").contains(type)) {
                continue;
            }
            String url = attributeIgnoringCase(outline, "xmlurl").strip();
            String text = outline.getAttribute("text").strip();
            String name = text.isEmpty() ? outline.getAttribute("title").strip() : text;
            if (!url.isEmpty() && !name.isEmpty()) {
                sections.putIfAbsent(url, Map.of("name", name));
            }
        }
        return sections;
    }

    /**
     * Venus's foaf.py: each {@code foaf:weblog} whose document has an {@code rdfs:seeAlso} (the
     * feed, as {@code rdf:resource} or a nested {@code rss:channel rdf:about}), named by the
     * person's {@code foaf:name}, else the document's {@code dc:title}.
     */
    private static Map<String, Map<String, String>> foaf(Document doc) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        NodeList weblogs = doc.getElementsByTagNameNS(FOAF, "weblog");
        for (int i = 0; i < weblogs.getLength(); i++) {
            Element weblog = (Element) weblogs.item(i);
            Optional<String> feed = descendants(weblog, RDFS, "seeAlso").stream()
                    .map(seeAlso -> Optional.of(seeAlso.getAttributeNS(RDF, "resource"))
                            .filter(s -> !s.isBlank())
                            .orElseGet(() -> firstChildElement(seeAlso)
                                    .map(e -> e.getAttributeNS(RDF, "about"))
                                    .orElse("")))
                    .filter(s -> !s.isBlank())
                    .findFirst();
            Optional<String> title = weblog.getParentNode() instanceof Element person
                    ? childText(person, FOAF, "name")
                    : Optional.empty();
            title = title.or(() -> descendants(weblog, DC, "title").stream()
                    .map(e -> e.getTextContent().strip())
                    .filter(s -> !s.isEmpty())
                    .findFirst());
            if (feed.isPresent() && title.isPresent()) {
                sections.putIfAbsent(feed.get().strip(), Map.of("name", title.get()));
            }
        }
        return sections;
    }

    /** Venus's csv_config.py: a header row; the first column is the feed URL, the others options. */
    private static Map<String, Map<String, String>> csv(String text) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        List<List<String>> rows = Csv.rows(text);
        if (rows.isEmpty()) {
            return sections;
        }
        List<String> header = rows.get(0).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.isEmpty() || row.get(0).isBlank()) {
                continue;
            }
            Map<String, String> options = new LinkedHashMap<>();
            for (int c = 1; c < Math.min(header.size(), row.size()); c++) {
                if (!row.get(c).isEmpty()) {
                    options.put(header.get(c), row.get(c));
                }
            }
            sections.put(row.get(0).strip(), options);
        }
        return sections;
    }

    /** Another config file: every section is a subscription, {@code [Planet]} aside. */
    private static Map<String, Map<String, String>> config(ReadingList list, String text) throws ConfigException {
        IniFile ini = IniFile.parse(list.uri().toString(), text);
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        for (String section : ini.sections()) {
            if (!section.equals("Planet")) {
                sections.put(section, ini.items(section));
            }
        }
        return sections;
    }

    private static Document xml(ReadingList list, byte[] body) throws ConfigException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // Lists come from the network: no DTDs, no external entities (XXE).
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new ByteArrayInputStream(body)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new ConfigException(
                    list.uri() + ": reading list (" + list.type() + ") is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static String text(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Optional<URI> absolute(URI base, String reference) {
        try {
            URI uri = base.resolve(new URI(reference.strip()));
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            // One bad entry never spoils the list: Venus would fail to fetch it and move on.
            return Optional.empty();
        }
    }

    private static String attributeIgnoringCase(Element element, String lowerName) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (a.getNodeName().toLowerCase(Locale.ROOT).equals(lowerName)
                    && !a.getNodeValue().isBlank()) {
                return a.getNodeValue();
            }
        }
        return "";
    }

    private static List<Element> descendants(Element root, String ns, String local) {
        NodeList nodes = root.getElementsByTagNameNS(ns, local);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static Optional<String> childText(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                String text = e.getTextContent().strip();
                if (!text.isEmpty()) {
                    return Optional.of(text);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Element> firstChildElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** RFC 4180 rows, as Python's csv module reads them: quotes, doubled quotes, CRLF. */
    static final class Csv {
        private Csv() {}

        static List<List<String>> rows(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            String s = text;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    if (!(row.size() == 1 && row.get(0).isEmpty())) {
                        rows.add(row);
                    }
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
