package org.orrery.sanitize;

import java.net.URI;
import java.net.URL;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Which iframes stay: video and audio players from an allow-list of hosts, sandboxed. Any other
 * iframe becomes a plain link to what it showed.
 */
final class Embeds {
    /** The embed hosts of players common on blogs; a planet adds its own with {@code iframe_hosts}. */
    static final Set<String> DEFAULT_HOSTS = Set.of(
            "www.youtube.com",
            "youtube.com",
            "www.youtube-nocookie.com",
            "youtube-nocookie.com",
            "player.vimeo.com",
            "www.dailymotion.com",
            "geo.dailymotion.com",
            "w.soundcloud.com",
            "bandcamp.com",
            "open.spotify.com",
            "player.twitch.tv",
            "embed.podcasts.apple.com",
            "speakerdeck.com",
            "www.slideshare.net",
            "www.openstreetmap.org",
            "archive.org");

    /**
     * Players need their own scripts and their own origin's storage; {@code allow-same-origin}
     * with {@code allow-scripts} is safe because the framed page is never the planet's own
     * origin. Popups for "watch on ..." links, presentation for casting. No top navigation, no
     * forms, no downloads.
     */
    static final String SANDBOX = "allow-scripts allow-same-origin allow-popups allow-presentation";

    /** YouTube refuses to play (error 153) when it gets no referrer origin; no more than the origin. */
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    private final Set<String> hosts;

    Embeds(Collection<String> extraHosts) {
        var all = new HashSet<>(DEFAULT_HOSTS);
        extraHosts.forEach(h -> all.add(h.strip().toLowerCase(Locale.ROOT)));
        all.remove("");
        this.hosts = Set.copyOf(all);
    }

    /** The hosts kept, sorted: part of the sanitiser's policy. */
    String policy() {
        return hosts.stream().sorted().map(h -> " " + h).collect(java.util.stream.Collectors.joining());
    }

    /**
     * What stands for {@code iframe} (of the untrusted tree, left as it is): a vetted, sandboxed
     * copy, a link, or nothing (null).
     */
    Element rewrite(Element iframe, URL base) {
        Optional<String> src = UrlRules.resolve(base, iframe.attr("src")).filter(Embeds::isHttp);
        if (src.isEmpty()) {
            return null;
        }
        String url = src.get();
        if (!allowed(url)) {
            String text = iframe.attr("title").isBlank() ? url : iframe.attr("title");
            return new Element("a").attr("href", url).text(text);
        }
        var player = new Element("iframe").attr("src", url.replaceFirst("^http:", "https:"));
        for (String name : new String[] {"width", "height"}) {
            String value = iframe.attr(name).strip();
            if (DIMENSION.matcher(value).matches()) {
                player.attr(name, value);
            }
        }
        // Browsers keep an iframe's proportions only when told them: a player narrowed to a
        // phone's width (max-width: 100%) then keeps its shape instead of its height.
        if (PIXELS.matcher(player.attr("width")).matches()
                && PIXELS.matcher(player.attr("height")).matches()) {
            player.attr(
                    "style",
                    "aspect-ratio: " + player.attr("width") + " / " + player.attr("height") + "; height: auto;");
        }
        if (!iframe.attr("title").isBlank()) {
            player.attr("title", iframe.attr("title"));
        }
        if (iframe.hasAttr("allowfullscreen")) {
            player.attr("allowfullscreen", "");
        }
        return player.attr("sandbox", SANDBOX).attr("loading", "lazy").attr("referrerpolicy", REFERRER_POLICY);
    }

    private static final Pattern DIMENSION = Pattern.compile("\\d{1,4}%?");
    private static final Pattern PIXELS = Pattern.compile("0*[1-9]\\d{0,3}");

    /** An http(s) URL on one line (line terminators as Java's regex {@code .} knows them). */
    private static boolean isHttp(String url) {
        if (!url.regionMatches(true, 0, "http://", 0, 7) && !url.regionMatches(true, 0, "https://", 0, 8)) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private boolean allowed(String url) {
        try {
            String host = URI.create(url.replace(" ", "%20")).getHost();
            return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false; // not a URL a browser would load as a player either
        }
    }
}
