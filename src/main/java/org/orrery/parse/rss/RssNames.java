package org.orrery.parse.rss;

import java.util.Locale;
import java.util.Set;

/** Namespaces of RSS and of the modules its feeds use. */
final class RssNames {
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RSS_10 = "http://purl.org/rss/1.0/";
    static final String RSS_090 = "http://my.netscape.com/rdf/simple/0.9/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final String FEEDBURNER = "http://rssnamespace.org/feedburner/ext/1.0";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    // Namespaces UserLand and Harvard gave RSS 0.9x/2.0 for a while; feeds still carry them.
    private static final Set<String> OTHER_CORE = Set.of(
            "http://backend.userland.com/rss",
            "http://backend.userland.com/rss2",
            "http://blogs.law.harvard.edu/tech/rss",
            "http://purl.org/net/rss1.1#");

    private RssNames() {}

    /**
     * The usual prefix of a module's namespace ("dc:"), "" for RSS's own elements, "{ns}" for
     * others. Matching ignores case for Apple's iTunes namespace, whose case varies in the wild.
     */
    static String prefix(String namespace) {
        if (isCore(namespace)) {
            return "";
        }
        return switch (namespace) {
            case DC -> "dc:";
            case DCTERMS -> "dcterms:";
            case CONTENT -> "content:";
            case ATOM -> "atom:";
            case MEDIA, "http://search.yahoo.com/mrss" -> "media:";
            case XHTML -> "xhtml:";
            case FEEDBURNER -> "feedburner:";
            default -> namespace.toLowerCase(Locale.ROOT).equals(ITUNES) ? "itunes:" : "{" + namespace + "}";
        };
    }

    /** Whether an element in {@code namespace} is one of RSS's own (RSS 2.0 has none). */
    static boolean isCore(String namespace) {
        return namespace.isEmpty()
                || namespace.equals(RSS_10)
                || namespace.equals(RSS_090)
                || OTHER_CORE.contains(namespace)
                || namespace.startsWith("http://backend.userland.com/rss");
    }
}
