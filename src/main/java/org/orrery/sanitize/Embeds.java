package org.orrery.sanitize;

import java.net.URI;
import java.net.URL;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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

    /** Replaces {@code iframe} (in the untrusted tree) by a vetted, sandboxed copy, a link, or nothing. */
    void rewrite(Element iframe, URL base) {
        Optional<String> src = UrlRules.resolve(base, iframe.attr("src")).filter(s -> s.matches("(?i)https?://.*"));
        if (src.isEmpty()) {
            iframe.remove();
            return;
        }
        String url = src.get();
        if (!allowed(url)) {
            String text = iframe.attr("title").isBlank() ? url : iframe.attr("title");
            iframe.replaceWith(new Element("a").attr("href", url).text(text));
            return;
        }
        var player = new Element("iframe").attr("src", url.replaceFirst("^http:", "https:"));
        for (String name : new String[] {"width", "height"}) {
            String value = iframe.attr(name).strip();
            if (value.matches("\\d{1,4}%?")) {
                player.attr(name, value);
            }
        }
        if (!iframe.attr("title").isBlank()) {
            player.attr("title", iframe.attr("title"));
        }
        if (iframe.hasAttr("allowfullscreen")) {
            player.attr("allowfullscreen", "");
        }
        player.attr("sandbox", SANDBOX).attr("loading", "lazy").attr("referrerpolicy", REFERRER_POLICY);
        iframe.replaceWith(player);
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
