package org.orrery.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The feeds an OPML subscription list names, as feed readers export them: every {@code outline}
 * with an {@code xmlUrl}, however deep in categories, named by its {@code title} or {@code text}.
 * Tolerant: element and attribute names in any case, unclosed elements, stray {@code &} and HTML
 * entities are read as a browser would, since exports from real feed readers have all of these.
 * Pure: bytes in, values out.
 */
public final class OpmlOutlines {
    /**
     * One feed of the list.
     *
     * @param xmlUrl the feed's URL as the list spells it (stripped)
     * @param name its {@code title}, else its {@code text}, when either says more than the URL
     */
    public record Feed(String xmlUrl, Optional<String> name) {
        /**
         * The URL as an absolute http or https URI, or empty when the list's value is not one: a
         * list from elsewhere must not make the planet read and publish a local file.
         */
        public Optional<URI> uri() {
            try {
                URI uri = new URI(xmlUrl);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return (scheme.equals("http") || scheme.equals("https")) && uri.getRawAuthority() != null
                        ? Optional.of(uri)
                        : Optional.empty();
            } catch (URISyntaxException e) {
                // Reported by the caller as a skipped outline.
                return Optional.empty();
            }
        }
    }

    private OpmlOutlines() {}

    /**
     * The feeds of an OPML document, in document order.
     *
     * @param source names the document in errors
     * @throws ConfigException when the document is not OPML (no {@code opml} root element)
     */
    public static List<Feed> read(byte[] bytes, String source) throws ConfigException {
        Document doc;
        try {
            // No charset given: a BOM or the XML declaration names it, else UTF-8.
            doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, "", Parser.xmlParser());
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read: " + e.getMessage(), e);
        }
        Optional<Element> root = doc.children().stream().findFirst();
        if (root.isEmpty() || !root.get().normalName().equals("opml")) {
            throw new ConfigException(source + ": not an OPML document ("
                    + root.map(e -> "its root element is <" + e.tagName() + ">").orElse("no XML element in it")
                    + ")");
        }
        List<Feed> feeds = new ArrayList<>();
        for (Element outline : root.get().getAllElements()) {
            if (!outline.normalName().equals("outline")) {
                continue;
            }
            String url = attribute(outline, "xmlurl")
                    .or(() -> feedType(outline) ? attribute(outline, "url") : Optional.empty())
                    .orElse("");
            if (url.isEmpty()) {
                continue;
            }
            Optional<String> name = attribute(outline, "title")
                    .or(() -> attribute(outline, "text"))
                    .map(n -> n.replaceAll("(?U)\\s+", " ").strip())
                    .filter(n -> !n.isEmpty() && !n.equals(url));
            feeds.add(new Feed(url, name));
        }
        return feeds;
    }

    /** An outline of a feed's type (rss, atom) may give its URL as {@code url}, as a few readers do. */
    private static boolean feedType(Element outline) {
        String type = attribute(outline, "type").orElse("").toLowerCase(Locale.ROOT);
        return type.equals("rss") || type.equals("atom");
    }

    /** The first non-blank attribute named {@code lowerName} in any case, stripped. */
    private static Optional<String> attribute(Element element, String lowerName) {
        for (Attribute a : element.attributes()) {
            if (a.getKey().toLowerCase(Locale.ROOT).equals(lowerName)
                    && !a.getValue().isBlank()) {
                return Optional.of(a.getValue().strip());
            }
        }
        return Optional.empty();
    }
}
