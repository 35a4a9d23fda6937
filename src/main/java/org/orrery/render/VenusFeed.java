package org.orrery.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The document Venus's XSLT themes read: the planet as one Atom feed, with a {@code
 * planet:source} per subscription and an {@code entry} per post, each carrying its {@code
 * source} and Venus's {@code planet:} elements (Venus's {@code planet/splice.py} and {@code
 * planet/reconstitute.py}). Dates are UTC, with the planet's {@code date_format} in {@code
 * planet:format}; bodies are XHTML in a {@code div}. Built from the template model, so it shows
 * what every other template shows.
 */
final class VenusFeed {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String PLANET = "http://planet.intertwingly.net/";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String XML = javax.xml.XMLConstants.XML_NS_URI;

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    /** Channel variables Orrery computes; every other one is a subscription option, a {@code planet:} element. */
    private static final Set<String> COMPUTED = Set.of(
            "name",
            "url",
            "link",
            "title",
            "title_plain",
            "css-id",
            "message",
            "last_updated",
            "last_updated_iso",
            "last_updated_822",
            "id",
            "subtitle",
            "author",
            "author_name",
            "icon",
            "logo",
            "rights",
            "generator");

    private final Document doc;

    private VenusFeed(Document doc) {
        this.doc = doc;
    }

    static Document of(Map<String, ?> model) {
        Document doc;
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            doc = factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("render: the JDK's XML documents are not available", e);
        }
        new VenusFeed(doc).build(model);
        return doc;
    }

    private void build(Map<String, ?> model) {
        Element feed = doc.createElementNS(ATOM, "feed");
        feed.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:planet", PLANET);
        doc.appendChild(feed);
        text(feed, "title", string(model, "name"));
        date(feed, "updated", string(model, "date_iso"), string(model, "date"));
        text(feed, "generator", string(model, "generator"));
        Element author = atom(feed, "author");
        text(author, "name", string(model, "owner_name"));
        text(author, "email", string(model, "owner_email"));
        String self = string(model, "feed");
        if (!self.isEmpty()) {
            text(feed, "id", self);
            link(feed, "self", self, "application/atom+xml");
        }
        if (!string(model, "pubsubhubbub_hub").isEmpty()) {
            link(feed, "hub", string(model, "pubsubhubbub_hub"), "");
        }
        if (!string(model, "link").isEmpty()) {
            link(feed, "alternate", string(model, "link"), "");
        }
        var sources = new HashMap<String, Map<String, ?>>();
        for (Map<String, ?> channel : maps(model.get("Channels"))) {
            sources.put(sourceId(string(channel, "url"), string(channel, "name")), channel);
            source(feed, doc.createElementNS(PLANET, "planet:source"), channel);
        }
        for (Map<String, ?> item : maps(model.get("Items"))) {
            entry(feed, item, sources.get(sourceId(string(item, "channel_url"), string(item, "channel_name"))));
        }
    }

    private void entry(Element feed, Map<String, ?> item, Map<String, ?> channel) {
        Element entry = atom(feed, "entry");
        text(entry, "id", string(item, "id"));
        if (!string(item, "link").isEmpty()) {
            link(entry, "alternate", string(item, "link"), "text/html");
        }
        if (item.get("enclosures") instanceof List<?> enclosures) {
            for (Object e : enclosures) {
                if (e instanceof Map<?, ?> enclosure) {
                    Element link = atom(entry, "link");
                    link.setAttribute("rel", "enclosure");
                    link.setAttribute("href", String.valueOf(enclosure.get("href")));
                    if (!String.valueOf(enclosure.get("type")).isEmpty()) {
                        link.setAttribute("type", String.valueOf(enclosure.get("type")));
                    }
                    if (!String.valueOf(enclosure.get("length")).isEmpty()) {
                        link.setAttribute("length", String.valueOf(enclosure.get("length")));
                    }
                }
            }
        }
        // Venus: an entry always has a title, empty when the feed gave none.
        atom(entry, "title").setTextContent(string(item, "title"));
        body(entry, "summary", string(item, "summary"));
        body(entry, "content", string(item, "content"));
        if (!string(item, "updated_iso").isEmpty()) {
            date(entry, "updated", string(item, "updated_iso"), string(item, "updated"));
        } else {
            date(entry, "updated", string(item, "date_iso"), string(item, "date"));
        }
        date(entry, "published", string(item, "published_iso"), string(item, "published"));
        if (item.get("categories") instanceof List<?> categories) {
            for (Object term : categories) {
                atom(entry, "category").setAttribute("term", String.valueOf(term));
            }
        }
        if (!string(item, "author").isEmpty()) {
            Element author = atom(entry, "author");
            text(author, "name", string(item, "author"));
            text(author, "email", string(item, "author_email"));
            text(author, "uri", string(item, "author_uri"));
        }
        text(entry, "rights", string(item, "rights"));
        if (!string(item, "title_language").isEmpty()) {
            entry.setAttributeNS(XML, "xml:lang", string(item, "title_language"));
        }
        if (channel != null) {
            // Venus (reconstitute.py): when neither the entry nor its feed names an author, the
            // source's author is the subscription's name (TemplateModel's channel_author).
            String author = string(item, "author").isEmpty()
                            && string(channel, "author").isEmpty()
                    ? string(item, "channel_author")
                    : string(channel, "author");
            source(entry, atom(entry, "source"), channel, author);
        }
    }

    private void source(Element parent, Element source, Map<String, ?> channel) {
        source(parent, source, channel, string(channel, "author"));
    }

    private void source(Element parent, Element source, Map<String, ?> channel, String author) {
        parent.appendChild(source);
        // Venus: the feed's own id, else its link (TemplateModel's channel id).
        String id = string(channel, "id");
        text(source, "id", id.isEmpty() ? sourceId(string(channel, "url"), string(channel, "name")) : id);
        text(source, "icon", string(channel, "icon"));
        text(source, "logo", string(channel, "logo"));
        if (!string(channel, "url").isEmpty()) {
            link(source, "self", string(channel, "url"), "");
        }
        if (!string(channel, "link").isEmpty()) {
            link(source, "alternate", string(channel, "link"), "text/html");
        }
        text(source, "rights", string(channel, "rights"));
        text(source, "title", string(channel, "title"));
        text(source, "subtitle", string(channel, "subtitle"));
        if (!author.isEmpty()) {
            text(atom(source, "author"), "name", author);
        }
        date(source, "updated", string(channel, "last_updated_iso"), string(channel, "last_updated"));
        planet(source, "name", string(channel, "name"));
        planet(source, "css-id", string(channel, "css-id"));
        planet(source, "message", string(channel, "message"));
        planet(source, "bozo", "false");
        channel.forEach((key, value) -> {
            if (!COMPUTED.contains(key)
                    && value instanceof String s
                    && NAME.matcher(key).matches()) {
                planet(source, key, s);
            }
        });
    }

    /**
     * What ties entries to their {@code planet:source}: the feed's URL, or for a feed whose URL
     * is not published (a local file) a name made from the subscription's.
     */
    private static String sourceId(String url, String name) {
        return url.isEmpty() ? "urn:orrery:source:" + URLEncoder.encode(name, StandardCharsets.UTF_8) : url;
    }

    private void body(Element entry, String name, String html) {
        if (html.isBlank()) {
            return;
        }
        Element element = atom(entry, name);
        element.setAttribute("type", "xhtml");
        Element div = doc.createElementNS(XHTML, "div");
        element.appendChild(div);
        Document xhtml = W3CDom.convert(Jsoup.parseBodyFragment(html));
        Node body = xhtml.getElementsByTagNameNS(XHTML, "body").item(0);
        if (body == null) {
            body = xhtml.getElementsByTagName("body").item(0);
        }
        for (Node child = body.getFirstChild(); child != null; child = child.getNextSibling()) {
            div.appendChild(doc.importNode(child, true));
        }
    }

    private void date(Element parent, String name, String iso, String formatted) {
        utc(iso).ifPresent(utc -> {
            Element date = text(parent, name, utc);
            date.setAttributeNS(PLANET, "planet:format", formatted);
        });
    }

    private static Optional<String> utc(String iso) {
        if (iso.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UTC.format(OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC)));
        } catch (DateTimeParseException e) {
            // Every _iso variable is written by TemplateModel as an offset date-time.
            throw new IllegalStateException("render: not an ISO date-time: " + iso, e);
        }
    }

    private void link(Element parent, String rel, String href, String type) {
        Element link = atom(parent, "link");
        link.setAttribute("rel", rel);
        link.setAttribute("href", href);
        if (!type.isEmpty()) {
            link.setAttribute("type", type);
        }
    }

    private void planet(Element parent, String name, String value) {
        if (!value.isEmpty()) {
            Element element = doc.createElementNS(PLANET, "planet:" + name);
            element.setTextContent(value);
            parent.appendChild(element);
        }
    }

    /** A child element with {@code value} as its text, left out when the value is empty (Venus's createTextElement). */
    private Element text(Element parent, String name, String value) {
        if (value.isEmpty()) {
            return doc.createElementNS(ATOM, name);
        }
        Element element = atom(parent, name);
        element.setTextContent(value);
        return element;
    }

    private Element atom(Element parent, String name) {
        Element element = doc.createElementNS(ATOM, name);
        parent.appendChild(element);
        return element;
    }

    private static String string(Map<String, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, ?>> maps(Object value) {
        return value instanceof List<?> list ? (List<Map<String, ?>>) list : List.of();
    }
}
