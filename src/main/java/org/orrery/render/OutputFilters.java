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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Venus's output filters: filters a template's own section names ({@code [index.html.xslt]}
 * {@code filters = addsearch.xslt}), run on the file the template wrote, here on every page
 * made from it. Orrery provides them in Java, as it provides Venus's entry filters:
 *
 * <ul>
 *   <li>{@code addsearch.xslt}: a search form at the end of {@code div#sidebar}, an OpenSearch
 *       link in the head (to {@code opensearchdescription.xml} beside the page's alternate
 *       feed), and an HTML5 doctype;
 *   <li>{@code xhtml2html.plugin}: the page written in HTML's syntax rather than XHTML's;
 *   <li>{@code html2xhtml.plugin}: the page written in XHTML's syntax;
 *   <li>{@code mememe.plugin}: the links many of the week's posts point to, in the sidebar of the
 *       template's own file (the front page: Venus had no other), and {@code memes.atom} (see
 *       {@link MemeVotes}).
 * </ul>
 *
 * Others (a planet's own script) are named by {@code orrery check} and leave the file as the
 * template wrote it.
 */
public final class OutputFilters {
    private static final Set<String> PROVIDED = FilterSpec.OUTPUT_SUPPORTED;
    private static final String MEMEME = "mememe.plugin";

    private static final Logger log = LoggerFactory.getLogger(OutputFilters.class);

    private final Map<String, List<FilterSpec>> byOutput;
    private final Charset charset;
    private final Optional<MemeVotes> memeVotes;

    /**
     * @param byOutput each template's output filters, by the name of the file it writes
     * @param encoding the planet's {@code encoding}, which pages are written in
     */
    public OutputFilters(Map<String, List<FilterSpec>> byOutput, String encoding) {
        this(byOutput, encoding, Optional.empty());
    }

    /**
     * @param memeVotes the week's posts' votes for {@code mememe.plugin}, counted when a template
     *     names it ({@link #needsMemes})
     */
    public OutputFilters(Map<String, List<FilterSpec>> byOutput, String encoding, Optional<MemeVotes> memeVotes) {
        this.byOutput = Map.copyOf(byOutput);
        this.charset = OutputEncoding.of(encoding).charset();
        this.memeVotes = memeVotes;
    }

    /** Whether a template names {@code mememe.plugin}: the week's posts must then be counted. */
    public static boolean needsMemes(Map<String, List<FilterSpec>> byOutput) {
        return mememe(byOutput).isPresent();
    }

    private static Optional<FilterSpec> mememe(Map<String, List<FilterSpec>> byOutput) {
        return byOutput.values().stream()
                .flatMap(List::stream)
                .filter(f -> f.name().equals(MEMEME))
                .findFirst();
    }

    /** The files the filters write beside the pages: {@code memes.atom} for {@code mememe.plugin}. */
    public Map<String, byte[]> files(Site site) {
        Optional<FilterSpec> mememe = mememe(byOutput);
        if (mememe.isEmpty() || memeVotes.isEmpty()) {
            return Map.of();
        }
        MemeVotes votes = memeVotes.get();
        return Map.of(MemeFeed.FILE, MemeFeed.atom(site, votes.memes(spam(mememe.get())), votes.now()));
    }

    /** The {@code spam} option: addresses (canonical, space-separated) never listed as memes. */
    private static Set<String> spam(FilterSpec mememe) {
        String spam = mememe.params().getOrDefault("spam", "").strip();
        return spam.isEmpty() ? Set.of() : Set.copyOf(List.of(spam.split("\\s+")));
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
                case "html2xhtml.plugin" ->
                    doc.outputSettings()
                            .syntax(Document.OutputSettings.Syntax.xml)
                            .escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml);
                case MEMEME -> memes(path, doc, filter);
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

    /** {@code mememe.plugin} on the template's own file; the pages after it are left as they are. */
    private void memes(String path, Document doc, FilterSpec filter) {
        if (path.contains("/") || memeVotes.isEmpty()) {
            return;
        }
        MemeVotes votes = memeVotes.get();
        String sidebar = filter.params().getOrDefault("sidebar", MemeSidebar.DEFAULT_SIDEBAR);
        String problem = MemeSidebar.write(doc, votes, votes.memes(spam(filter)), sidebar);
        if (problem != null) {
            // Venus's plugin failed here, and the page was lost; Orrery publishes it without memes.
            log.warn("mememe.plugin: {}: {}; {} is published without memes", path, problem, path);
        }
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
