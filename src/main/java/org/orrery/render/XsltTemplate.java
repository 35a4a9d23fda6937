package org.orrery.render;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.ErrorListener;
import javax.xml.transform.Source;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.URIResolver;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A Venus XSLT theme file ({@code index.html.xslt}): an XSLT 1.0 stylesheet run by the JDK's
 * processor over {@link VenusFeed}'s document, as Venus ran it with libxslt. Stylesheets are
 * the maintainer's, yet what they reach is bounded: {@code xsl:include}, {@code xsl:import} and
 * {@code document()} read files of the theme's directories only, no DTD is fetched, and no Java
 * extension function runs (secure processing).
 */
final class XsltTemplate {
    private static final String XSL = "http://www.w3.org/1999/XSL/Transform";
    static final String GROUP_LIMIT = "jdk.xml.xpathExprGrpLimit";
    static final String OPERATOR_LIMIT = "jdk.xml.xpathExprOpLimit";

    private static final Pattern HTML_PAGE = Pattern.compile(".*\\.html?\\.xslt", Pattern.CASE_INSENSITIVE);

    private final Path file;
    private final Templates templates;
    private final URIResolver resolver;
    /** Whether the template writes an HTML page ({@code index.html.xslt}), whose XHTML must read the same as HTML ({@link XhtmlSyntax}). */
    private final boolean page;

    private XsltTemplate(Path file, Templates templates, URIResolver resolver) {
        this.file = file;
        this.templates = templates;
        this.resolver = resolver;
        this.page = HTML_PAGE.matcher(file.getFileName().toString()).matches();
    }

    /** Compiles {@code file}; its includes and documents may come from {@code directories}. */
    static XsltTemplate compile(Path file, List<Path> directories) throws TransformerConfigurationException {
        var allowed = new ArrayList<Path>();
        allowed.add(file.toAbsolutePath().normalize().getParent());
        directories.forEach(d -> allowed.add(d.toAbsolutePath().normalize()));
        URIResolver resolver = (href, base) -> resolve(href, base, allowed);
        TransformerFactory factory = TransformerFactory.newDefaultInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "file");
        // An EXSLT date function rewritten into XPath 1.0 nests more than secure processing's 10
        // groups (day-abbreviation alone about 20); the stylesheets are the maintainer's own.
        factory.setAttribute(GROUP_LIMIT, "200");
        factory.setAttribute(OPERATOR_LIMIT, "2000");
        factory.setURIResolver(resolver);
        var errors = new Errors();
        factory.setErrorListener(errors);
        try {
            Templates templates =
                    factory.newTemplates(stylesheet(file.toAbsolutePath().normalize()));
            return new XsltTemplate(file, templates, resolver);
        } catch (TransformerConfigurationException e) {
            throw errors.first()
                    .map(first -> new TransformerConfigurationException(first, e))
                    .orElse(e);
        }
    }

    /** The stylesheet's output for the planet the template {@code model} describes. */
    String render(Map<String, Object> model) {
        var out = new StringWriter(32 * 1024);
        try {
            var transformer = templates.newTransformer();
            transformer.setURIResolver(resolver);
            transformer.setErrorListener(new Errors());
            transformer.transform(new DOMSource(VenusFeed.of(model)), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IllegalStateException("theme " + file + ": " + e.getMessageAndLocation(), e);
        }
        return page ? XhtmlSyntax.polyglot(out.toString()) : out.toString();
    }

    private static Source resolve(String href, String base, List<Path> allowed) throws TransformerException {
        Path target;
        try {
            URI uri = base == null || base.isEmpty()
                    ? URI.create(href)
                    : URI.create(base).resolve(href);
            target = Path.of(uri).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new TransformerException("only files of the theme can be read: " + href);
        }
        for (Path directory : allowed) {
            if (target.startsWith(directory)) {
                return stylesheet(target);
            }
        }
        throw new TransformerException("only files of the theme's directories can be read, not " + target);
    }

    /**
     * The stylesheet at {@code file}, read as libxslt read it for Venus: an {@code xsl:attribute}
     * with a {@code select} (not XSLT 1.0; Venus's asf and musings themes have them) is the
     * attribute without it. A stylesheet that declares a namespace of extension functions is
     * refused: EXSLT's and Java's are not run.
     */
    private static Source stylesheet(Path file) throws TransformerConfigurationException {
        Document doc;
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            // Fatal errors throw and say what is wrong; the parser's default handler would also print them.
            builder.setErrorHandler(new DefaultHandler());
            doc = builder.parse(file.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new TransformerConfigurationException(file + ": " + e.getMessage(), e);
        }
        var elements = doc.getElementsByTagNameNS("*", "*");
        Set<String> datePrefixes = new HashSet<>();
        for (int i = 0; i < elements.getLength(); i++) {
            var element = (Element) elements.item(i);
            var attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                String declared = attributes.item(a).getNodeName();
                String uri = attributes.item(a).getNodeValue();
                if (!declared.equals("xmlns") && !declared.startsWith("xmlns:")) {
                    continue;
                }
                if (uri.equals(ExsltDates.NAMESPACE) && declared.startsWith("xmlns:")) {
                    datePrefixes.add(declared.substring("xmlns:".length()));
                } else if (extensions(uri)) {
                    throw new TransformerConfigurationException(
                            "it declares the extension functions " + uri + ", which Orrery does not run");
                }
            }
            if (XSL.equals(element.getNamespaceURI()) && element.getLocalName().equals("attribute")) {
                element.removeAttribute("select");
            }
        }
        if (!datePrefixes.isEmpty()) {
            rewriteDates(elements, datePrefixes);
        }
        return new DOMSource(doc, file.toUri().toString());
    }

    /** XSLT attributes that hold an expression; every other attribute may be a value template. */
    private static final Set<String> EXPRESSIONS = Set.of("select", "test", "match", "use", "count", "from", "value");

    /** Rewrites the calls of EXSLT's date functions in every expression and value template ({@link ExsltDates}). */
    private static void rewriteDates(org.w3c.dom.NodeList elements, Set<String> prefixes)
            throws TransformerConfigurationException {
        String now = ExsltDates.now(java.time.Instant.now());
        for (int i = 0; i < elements.getLength(); i++) {
            var element = (Element) elements.item(i);
            boolean xsl = XSL.equals(element.getNamespaceURI());
            var attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                var attribute = attributes.item(a);
                String name = attribute.getNodeName();
                String value = attribute.getNodeValue();
                if (name.startsWith("xmlns") || prefixes.stream().noneMatch(p -> value.contains(p + ":"))) {
                    continue;
                }
                attribute.setNodeValue(
                        xsl && EXPRESSIONS.contains(name)
                                ? ExsltDates.rewrite(value, prefixes, now)
                                : ExsltDates.rewriteTemplate(value, prefixes, now));
            }
        }
    }

    private static boolean extensions(String namespace) {
        // EXSLT's common (exsl:node-set) is built into the JDK's processor; its date functions
        // are rewritten (ExsltDates); the rest of EXSLT, Xalan's and Java's are not run.
        return (namespace.startsWith("http://exslt.org/") && !namespace.equals("http://exslt.org/common"))
                || namespace.startsWith("http://xml.apache.org/xalan")
                || namespace.startsWith("http://xml.apache.org/xslt")
                || namespace.startsWith("xalan:")
                || namespace.startsWith("java:")
                || namespace.equals("java");
    }

    /** Keeps the first message, and lets warnings pass as the processor would print them to no one. */
    private static final class Errors implements ErrorListener {
        private String first;

        @Override
        public void warning(TransformerException e) {
            // A warning (an unknown attribute under forwards-compatible processing) changes nothing in the output.
        }

        @Override
        public void error(TransformerException e) throws TransformerException {
            remember(e);
            throw e;
        }

        @Override
        public void fatalError(TransformerException e) throws TransformerException {
            remember(e);
            throw e;
        }

        private void remember(TransformerException e) {
            if (first == null) {
                first = e.getMessageAndLocation();
            }
        }

        Optional<String> first() {
            return Optional.ofNullable(first);
        }
    }
}
