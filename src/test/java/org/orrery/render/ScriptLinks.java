package org.orrery.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.w3c.dom.Node;

/**
 * Finds URLs that would run script, in published files read as their readers read them: HTML
 * with jsoup (every attribute), XML with the JDK's parser (every attribute and text, and the
 * HTML that text carries), JSON with Jackson (every string, and the HTML in it). Values are
 * compared after entity decoding, with whitespace and controls removed and in lower case, so
 * {@code &#x20;JaVa&#x09;Script:} is found as {@code javascript:}.
 */
public final class ScriptLinks {
    private ScriptLinks() {}

    private static final Pattern IGNORED = Pattern.compile("[\\x00-\\x20\\x7f\\u00a0]+");
    private static final List<String> SCRIPT_SCHEMES = List.of("javascript:", "vbscript:", "data:text/html");
    /** JSON Feed fields that are names, not links (an item's {@code id} is its feed's guid). */
    private static final Set<String> JSON_NAMES = Set.of("id", "title", "name", "version", "tags");

    /** Each place in the files under {@code dir} where a script URL was found, as "file: value". */
    public static List<String> in(Path dir) throws IOException {
        List<String> found = new ArrayList<>();
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = dir.relativize(file).toString();
                found.addAll(in(name, Files.readAllBytes(file)));
            }
        }
        return found;
    }

    /** Each script URL in one published file, named {@code name} (its extension says how to read it). */
    public static List<String> in(String name, byte[] content) {
        List<String> found = new ArrayList<>();
        if (name.endsWith(".html")) {
            html(name, Jsoup.parse(new String(content, StandardCharsets.UTF_8)).root(), found);
        } else if (name.endsWith(".xml")) {
            xml(name, content, found);
        } else if (name.endsWith(".json")) {
            json(name, content, found);
        }
        return found;
    }

    /** Whether a value, as a browser would read it, names a script URL. */
    public static boolean isScript(String value) {
        String compact = IGNORED.matcher(value).replaceAll("").toLowerCase(Locale.ROOT);
        return SCRIPT_SCHEMES.stream().anyMatch(compact::contains);
    }

    private static void html(String name, Element root, List<String> found) {
        for (Element element : root.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                if (isScript(attribute.getValue())) {
                    found.add(name + ": <" + element.tagName() + " " + attribute.getKey() + "=\"" + attribute.getValue()
                            + "\">");
                }
            }
        }
    }

    private static void xml(String name, byte[] content, List<String> found) {
        org.w3c.dom.Document doc;
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
        } catch (Exception e) {
            found.add(name + ": not well-formed XML: " + e.getMessage());
            return;
        }
        xml(name, doc.getDocumentElement(), found);
    }

    private static void xml(String name, Node node, List<String> found) {
        if (node instanceof org.w3c.dom.Element element) {
            var attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node attribute = attributes.item(i);
                if (isScript(attribute.getNodeValue())) {
                    found.add(name + ": <" + element.getTagName() + " " + attribute.getNodeName() + "=\""
                            + attribute.getNodeValue() + "\">");
                }
            }
            // RSS 2.0: a guid that says it is no permalink is a name, not a link.
            boolean guidName = element.getLocalName().equals("guid")
                    && element.getAttribute("isPermaLink").equals("false");
            for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (guidName) {
                    continue;
                }
                if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    text(name, "<" + element.getTagName() + ">", child.getNodeValue(), found);
                } else {
                    xml(name, child, found);
                }
            }
        }
    }

    private static void json(String name, byte[] content, List<String> found) {
        try (JsonParser json = new JsonFactory().createParser(content)) {
            String field = "";
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    field = json.currentName();
                } else if (token == JsonToken.VALUE_STRING && !JSON_NAMES.contains(field)) {
                    text(name, "\"" + field + "\"", json.getText(), found);
                }
            }
        } catch (IOException e) {
            found.add(name + ": not well-formed JSON: " + e.getMessage());
        }
    }

    /** A text value: a link in itself, or HTML (escaped in XML, a string in JSON) to read again. */
    private static void text(String name, String where, String value, List<String> found) {
        if (value.indexOf('<') >= 0) {
            html(name + " " + where, Jsoup.parseBodyFragment(value).root(), found);
            value = Jsoup.parseBodyFragment(value).text();
        }
        if (isScript(value)) {
            found.add(name + ": " + where + " " + value.strip());
        }
    }
}
