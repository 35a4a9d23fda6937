package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.Post;
import org.orrery.model.River;

/** Links stored before Orrery checked them (by older versions) are checked again when published. */
class StoredLinksRenderingTest {
    private static final Instant NOW = Instant.parse("2017-09-20T06:00:00Z");

    private final SiteRenderer renderer = new SiteRenderer(new Site(
            "Planet",
            "https://planet.example.org/",
            "Owner",
            "",
            "Orrery test",
            new Strftime("%d %b %Y"),
            new Strftime("%d %b %Y"),
            ZoneOffset.UTC,
            "utf-8",
            Optional.empty(),
            Optional.empty(),
            Map.of()));

    private static Channel channel(String feed, String site, String face) {
        return new Channel(
                URI.create(feed),
                "Channel " + feed.length(),
                Optional.of(URI.create(site)),
                Optional.of(NOW),
                Optional.empty(),
                Optional.empty(),
                Map.of("face", face));
    }

    private static Post post(Channel channel, String key, String link, String title) {
        var entry = new Entry(
                key,
                title,
                Optional.of(URI.create(link)),
                Optional.empty(),
                Optional.of(NOW),
                Optional.empty(),
                "<p>text</p>",
                Optional.empty(),
                List.of(),
                List.of());
        return new Post(entry, channel, NOW);
    }

    @Test
    void storedScriptLinksAreNotPublished() {
        Channel hostile = channel("javascript:alert(1)", "JaVaScRiPt:alert(2)", "javascript:alert(3)");
        Channel data = channel("data:text/html,x", "vbscript:msgbox(4)", "data:text/html,y");
        Channel good = channel("https://good.example.org/feed", "https://good.example.org/", "good.png");
        var river = new River(
                List.of(
                        post(hostile, "javascript:alert(5)", "javascript:alert(5)", "First"),
                        post(data, "feed:javascript:alert(6)", "feed:javascript:alert(6)", "Second"),
                        post(good, "vbscript:msgbox(7)", "https://good.example.org/1", "Third")),
                List.of(hostile, data, good));

        var found = new ArrayList<String>();
        renderer.render(river, NOW).forEach((name, bytes) -> found.addAll(ScriptLinks.in(name, bytes)));

        assertThat(found).isEmpty();
        var index = Jsoup.parse(new String(renderer.render(river, NOW).get("index.html"), StandardCharsets.UTF_8));
        assertThat(index.select("article h3").eachText())
                .containsExactly("Channel 19: First", "Channel 16: Second", "Channel 29: Third");
        assertThat(index.select("a[href=https://good.example.org/1]")).isNotEmpty();
        assertThat(index.select("img.face").eachAttr("src")).containsExactly("good.png");
    }
}
