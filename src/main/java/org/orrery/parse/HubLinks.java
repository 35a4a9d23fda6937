package org.orrery.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Where a feed says it is pushed from (W3C WebSub §4, discovery): its hubs and its own URL (the
 * topic), from the response's {@code Link} headers first, else from the document's feed-level
 * {@code <link rel="hub">} and {@code <link rel="self">} (Atom's, or {@code atom:link} in RSS), or
 * a JSON Feed's {@code hubs} and {@code feed_url}.
 *
 * @param hubs absolute hub URLs, in the order given; empty when the feed names none
 * @param self the topic URL the feed gives itself, when it gives one
 */
public record HubLinks(List<URI> hubs, Optional<URI> self) {
    public static final HubLinks NONE = new HubLinks(List.of(), Optional.empty());

    private static final XMLInputFactory FACTORY = FeedParser.newFactory();
    private static final JsonFactory JSON = new JsonFactory();

    public HubLinks {
        hubs = List.copyOf(hubs);
    }

    /**
     * The hubs and self link of a fetched feed: those of the {@code Link} headers when they name a
     * hub (WebSub §4: they come first), else those of {@code body}, relative ones resolved
     * against {@code base}. A document that cannot be read names none.
     */
    public static HubLinks of(List<String> linkHeaders, byte[] body, URI base) {
        var fromHeaders = new Found(base);
        linkHeaders.forEach(fromHeaders::header);
        if (!fromHeaders.hubs.isEmpty()) {
            return fromHeaders.links();
        }
        var fromBody = new Found(base);
        if (json(body)) {
            fromBody.jsonFeed(body);
        } else {
            fromBody.document(body);
        }
        return fromBody.links();
    }

    private static boolean json(byte[] body) {
        for (byte b : body) {
            if (b != ' '
                    && b != '\t'
                    && b != '\r'
                    && b != '\n'
                    && b != (byte) 0xEF
                    && b != (byte) 0xBB
                    && b != (byte) 0xBF) {
                return b == '{';
            }
        }
        return false;
    }

    private static final class Found {
        final URI base;
        final List<URI> hubs = new ArrayList<>();
        Optional<URI> self = Optional.empty();

        Found(URI base) {
            this.base = base;
        }

        HubLinks links() {
            return new HubLinks(hubs, self);
        }

        void add(String href, String rel) {
            for (String word : rel.toLowerCase(Locale.ROOT).split("\\s+")) {
                Optional<URI> uri = resolve(href);
                if (word.equals("hub")) {
                    uri.filter(u -> !hubs.contains(u)).ifPresent(hubs::add);
                } else if (word.equals("self") && self.isEmpty()) {
                    self = uri;
                }
            }
        }

        Optional<URI> resolve(String href) {
            try {
                URI uri = base.resolve(new URI(href.strip()));
                String scheme = uri.getScheme();
                return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                        ? Optional.of(uri)
                        : Optional.empty();
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Optional.empty(); // a link that is no URL names nothing
            }
        }

        /** RFC 8288 §3: {@code <url>; rel="hub self", <url>; rel=hub}. */
        void header(String value) {
            int at = 0;
            while (true) {
                int open = value.indexOf('<', at);
                int close = open < 0 ? -1 : value.indexOf('>', open);
                if (close < 0) {
                    return;
                }
                int next = value.indexOf('<', close);
                String params = value.substring(close + 1, next < 0 ? value.length() : next);
                for (String param : params.split(";")) {
                    int eq = param.indexOf('=');
                    if (eq > 0 && param.substring(0, eq).strip().equalsIgnoreCase("rel")) {
                        String rel = param.substring(eq + 1)
                                .strip()
                                .replaceAll(",$", "")
                                .strip();
                        add(value.substring(open + 1, close), rel.replace("\"", ""));
                    }
                }
                at = close + 1;
            }
        }

        /** JSON Feed 1.1: {@code "hubs": [{"type": "WebSub", "url": ...}]}, {@code "feed_url"}. */
        void jsonFeed(byte[] body) {
            try (JsonParser json = JSON.createParser(body)) {
                if (json.nextToken() != JsonToken.START_OBJECT) {
                    return;
                }
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    JsonToken value = json.nextToken();
                    if (name.equals("feed_url") && value == JsonToken.VALUE_STRING) {
                        add(json.getText(), "self");
                    } else if (name.equals("hubs") && value == JsonToken.START_ARRAY) {
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            String type = "";
                            String url = null;
                            while (json.nextToken() == JsonToken.FIELD_NAME) {
                                String field = json.currentName();
                                json.nextToken();
                                if (field.equals("type")) {
                                    type = json.getValueAsString("");
                                } else if (field.equals("url")) {
                                    url = json.getValueAsString();
                                } else {
                                    json.skipChildren();
                                }
                            }
                            if (url != null
                                    && (type.equalsIgnoreCase("WebSub") || type.equalsIgnoreCase("PubSubHubbub"))) {
                                add(url, "hub");
                            }
                        }
                    } else {
                        json.skipChildren();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Not well-formed: what was found before stays.
            }
        }

        /** The {@code link} elements before the first entry or item: the feed's own. */
        void document(byte[] body) {
            XMLStreamReader reader = null;
            try {
                reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
                while (reader.hasNext()) {
                    if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = reader.getLocalName();
                    if (name.equals("entry") || name.equals("item")) {
                        return;
                    }
                    if (name.equals("link")) {
                        String href = reader.getAttributeValue(null, "href");
                        String rel = reader.getAttributeValue(null, "rel");
                        if (href != null && rel != null) {
                            add(href, rel);
                        }
                    }
                }
            } catch (XMLStreamException | RuntimeException e) {
                // Not well-formed (or not XML: JSON Feed): what was found before stays.
            } finally {
                if (reader != null) {
                    try {
                        reader.close();
                    } catch (XMLStreamException e) {
                        // Closing a reader over a byte array frees nothing that could fail.
                    }
                }
            }
        }
    }
}
