package org.orrery.parse.rss;

/** Namespaces of RSS and of the modules its feeds use. */
final class RssNames {
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RSS_10 = "http://purl.org/rss/1.0/";
    static final String RSS_090 = "http://my.netscape.com/rdf/simple/0.9/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

    private RssNames() {}

    /** Whether an element in {@code namespace} is one of RSS's own (RSS 2.0 has none). */
    static boolean isCore(String namespace) {
        return namespace.isEmpty() || namespace.equals(RSS_10) || namespace.equals(RSS_090);
    }
}
