package org.orrery.filter;

import java.net.URI;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.orrery.model.Entry;

/**
 * Venus's {@code stripAd/*.sed} scripts: paragraphs that are nothing but an advertisement,
 * recognised by their structure rather than by exact bytes. They read the markup as the feed
 * wrote it ({@link EntryFilter#onRawMarkup()}), as Venus's scripts read feedparser's output,
 * which kept the comments and image maps the sanitiser removes; after a filter that reads
 * sanitised bodies they still find the FeedBurner and AdSense images.
 */
final class StripAds {
    // FeedBurner's FeedFlare ad: /~a/<feed>?a=<id> linking an image /~a/<feed>?i=<id>.
    private static final Pattern FEEDBURNER_LINK =
            Pattern.compile("https?://[A-Za-z0-9.-]+/~a/[A-Za-z0-9]*\\?a=[A-Za-z0-9]+");
    private static final Pattern FEEDBURNER_IMAGE =
            Pattern.compile("https?://[A-Za-z0-9.-]+/~a/[A-Za-z0-9/]*\\?i=[A-Za-z0-9]+");
    // yahoo.sed: the comments Yahoo's ad code is wrapped in, from the first to the last.
    private static final Pattern YAHOO =
            Pattern.compile("<p><!-- begin\\(Yahoo ad\\) -->.*<!-- end\\(Yahoo ad\\) --></p>");

    private StripAds() {}

    /** {@code stripAd/feedburner.sed}: a paragraph holding only a FeedFlare ad link and image. */
    static EntryFilter feedburner() {
        return (EntryFilter.OfRawMarkup) (e, now, firstSeen) -> new Verdict.Kept(HtmlTrees.editBodies(e, doc -> {
            for (Element p : doc.select("p")) {
                if (p.childNodeSize() == 1
                        && p.childrenSize() == 1
                        && p.child(0) instanceof Element a
                        && a.normalName().equals("a")
                        && FEEDBURNER_LINK.matcher(a.attr("href")).matches()
                        && a.childNodeSize() == 1
                        && a.childrenSize() == 1
                        && a.child(0).normalName().equals("img")
                        && FEEDBURNER_IMAGE.matcher(a.child(0).attr("src")).matches()) {
                    p.remove();
                }
            }
        }));
    }

    /**
     * {@code stripAd/google_ad_map.sed}: a paragraph starting with an AdSense image map (or,
     * once sanitised, which drops the {@code map}, its image, which points at the map or at
     * Google's ad server).
     */
    static EntryFilter googleAdMap() {
        return (EntryFilter.OfRawMarkup)
                (e, now, firstSeen) -> new Verdict.Kept(HtmlTrees.editBodies(e, StripAds::removeGoogleAdMaps));
    }

    private static void removeGoogleAdMaps(Document doc) {
        for (Element p : doc.select("p")) {
            Element first = p.childrenSize() == 0 ? null : p.child(0);
            if (first != null && p.textNodes().stream().allMatch(t -> t.isBlank()) && isGoogleAd(first)) {
                p.remove();
            }
        }
    }

    private static boolean isGoogleAd(Element e) {
        if (e.normalName().equals("map")) {
            return e.attr("name").startsWith("google_ad_map");
        }
        if (e.normalName().equals("img")) {
            String host = host(e.attr("src"));
            return e.attr("usemap").startsWith("#google_ad_map") || host.endsWith("googlesyndication.com");
        }
        return false;
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException ex) {
            // Not a URL, so not an ad server's.
            return "";
        }
    }

    /** {@code stripAd/yahoo.sed}: what lies between Yahoo's ad comments, which only raw markup has. */
    static EntryFilter yahoo() {
        return (EntryFilter.OfRawMarkup) (Entry e, Instant now, Instant firstSeen) -> new Verdict.Kept(e.withBodies(
                YAHOO.matcher(e.contentHtml()).replaceAll(""),
                e.summaryHtml().map(s -> YAHOO.matcher(s).replaceAll(""))));
    }
}
