package org.orrery.render;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.orrery.config.FilterSpec;

/**
 * Venus's output filters: filters a template's own section names ({@code [index.html.xslt]}
 * {@code filters = addsearch.xslt}), run on the file the template wrote, here on every page
 * made from it. Orrery provides them in Java, as it provides Venus's entry filters:
 *
 * <ul>
 *   <li>{@code addsearch.xslt}: a search form at the end of {@code div#sidebar}, an OpenSearch
 *       link in the head (to {@code opensearchdescription.xml} beside the page's alternate
 *       feed), and an HTML5 doctype;
 *   <li>{@code xhtml2html.plugin}: the page written in HTML's syntax rather than XHTML's.
 * </ul>
 *
 * Others ({@code mememe.plugin}, a planet's own script) are named by {@code orrery check} and leave
 * the file as the template wrote it.
 */
public final class OutputFilters {
    private static final Set<String> PROVIDED = FilterSpec.OUTPUT_SUPPORTED;

    private final Map<String, List<FilterSpec>> byOutput;
    private final Charset charset;

    /**
     * @param byOutput each template's output filters, by the name of the file it writes
     * @param encoding the planet's {@code encoding}, which pages are written in
     */
    public OutputFilters(Map<String, List<FilterSpec>> byOutput, String encoding) {
        this.byOutput = Map.copyOf(byOutput);
        this.charset = OutputEncoding.of(encoding).charset();
    }

    /** The files at {@code files}' paths, each through its template's output filters. */
    public Map<String, byte[]> apply(Map<String, byte[]> files) {
        if (byOutput.isEmpty()) {
            return files;
        }
        var filtered = new java.util.LinkedHashMap<String, byte[]>();
        files.forEach((path, bytes) -> filtered.put(path, apply(path, bytes)));
        return filtered;
    }

    /**
     * {@code bytes}, the file at {@code path} (a page at {@code page/2/index.html} is made by the
     * template of {@code index.html}), through its template's output filters.
     */
    public byte[] apply(String path, byte[] bytes) {
        List<FilterSpec> filters = byOutput.get(path.substring(path.lastIndexOf('/') + 1));
        if (filters == null || filters.stream().noneMatch(f -> PROVIDED.contains(f.name()))) {
            return bytes;
        }
        String page = new String(bytes, charset);
        // An XSLT theme's XHTML page is read as XML, as Venus's filters read it, and stays XHTML.
        Optional<Document> xhtml = XhtmlSyntax.parse(page);
        Document doc = xhtml.orElseGet(() -> Jsoup.parse(page));
        doc.outputSettings().prettyPrint(false).charset(charset);
        boolean html = false;
        for (FilterSpec filter : filters) {
            switch (filter.name()) {
                case "addsearch.xslt" -> addSearch(doc);
                case "xhtml2html.plugin" -> html = true;
                default -> {
                    // Not provided: named by orrery check; the file passes unchanged.
                }
            }
        }
        if (xhtml.isPresent()) {
            String written = XhtmlSyntax.write(doc);
            if (!html) {
                return written.getBytes(charset);
            }
            doc = Jsoup.parse(written);
            doc.outputSettings().prettyPrint(false).charset(charset);
        }
        if (html) {
            doc.outputSettings().syntax(Document.OutputSettings.Syntax.html);
        }
        return doc.outerHtml().getBytes(charset);
    }

    private static void addSearch(Document doc) {
        for (Element sidebar : doc.select("div#sidebar")) {
            sidebar.appendElement("h2").text("Search");
            sidebar.appendElement("form").appendElement("input").attr("name", "q");
        }
        Element alternate = doc.head().selectFirst("link[rel=alternate]");
        String href = alternate == null ? "" : alternate.attr("href");
        doc.head()
                .appendElement("link")
                .attr("rel", "search")
                .attr("type", "application/opensearchdescription+xml")
                .attr("title", (alternate == null ? "" : alternate.attr("title")) + " search")
                .attr("href", href.substring(0, href.lastIndexOf('/') + 1) + "opensearchdescription.xml");
        doc.childNodes().stream()
                .filter(DocumentType.class::isInstance)
                .toList()
                .forEach(org.jsoup.nodes.Node::remove);
        doc.prependChild(new DocumentType("html", "", ""));
    }
}
