package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.Post;
import org.orrery.model.River;

/** The variables a theme sees, as Venus's {@code planet/shell/tmpl.py} names and writes them. */
class TemplateModelTest {
    private static final Instant NOW = Instant.parse("2017-09-20T06:00:00Z");
    private static final Channel CHANNEL = new Channel(
            URI.create("https://glyph.example.net/rss"),
            "Glyph Lefkowitz (Twisted)",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of());
    private static final River RIVER = new River(
            List.of(new Post(
                    new Entry(
                            "1",
                            "Tabs",
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(Instant.parse("2017-09-18T23:59:00Z")),
                            Optional.empty(),
                            "",
                            Optional.empty(),
                            List.of(),
                            List.of()),
                    CHANNEL,
                    Instant.parse("2017-09-18T23:59:00Z"))),
            List.of(CHANNEL));

    private static Map<String, Object> model(ZoneId zone) {
        return model(zone, Optional.empty(), Optional.empty(), Map.of());
    }

    private static Map<String, Object> model(
            ZoneId zone, Optional<String> generatorUri, Optional<String> feed, Map<String, String> planetOptions) {
        var site = new Site(
                "Planet Twisted",
                "https://planet.example.org/",
                "Twisted",
                "",
                "Orrery test",
                new Strftime("%B %d, %Y"),
                new Strftime("%B %d, %Y"),
                zone,
                "utf-8",
                generatorUri,
                feed,
                planetOptions);
        return new TemplateModel(site).of(RIVER, NOW);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> model) {
        return ((List<Map<String, Object>>) model.get("Items")).getFirst();
    }

    @Test
    void isoDatesEndInAnOffsetAsVenusWritesThem() {
        assertThat(model(ZoneOffset.UTC).get("date_iso")).isEqualTo("2017-09-20T06:00:00+00:00");
        assertThat(item(model(ZoneId.of("Europe/Berlin"))).get("date_iso")).isEqualTo("2017-09-19T01:59:00+02:00");
    }

    @Test
    void theConfigsFeedAndGeneratorUriAreTheThemes() {
        var model = model(
                ZoneOffset.UTC,
                Optional.of("https://example.org/planet"),
                Optional.of("https://planet.example.org/rss20.xml"),
                Map.of());

        assertThat(model).containsEntry("feed", "https://planet.example.org/rss20.xml");
        assertThat(model).containsEntry("feedtype", "rss");
        assertThat(model).containsEntry("generator", "https://example.org/planet");
    }

    @Test
    void everyPlanetOptionIsAVariableButThoseOrreryReadsComeFromTheSite() {
        var model = model(
                ZoneOffset.UTC,
                Optional.empty(),
                Optional.empty(),
                Map.of("sidebar", "<p>hi</p>", "feed", "ignored.xml", "encoding", "latin-1", "name", "Raw"));

        assertThat(model).containsEntry("sidebar", "<p>hi</p>");
        assertThat(model).containsEntry("feed", "https://planet.example.org/atom.xml");
        assertThat(model).containsEntry("encoding", "utf-8");
        assertThat(model).containsEntry("name", "Planet Twisted");
    }

    @Test
    void withoutThemOrrerysOwnAtomFeedAndNameAreGiven() {
        var model = model(ZoneOffset.UTC);

        assertThat(model).containsEntry("feed", "https://planet.example.org/atom.xml");
        assertThat(model).containsEntry("feedtype", "atom");
        assertThat(model).containsEntry("generator", "Orrery test");
    }

    @Test
    void channelsHaveVenusCssIds() {
        assertThat(item(model(ZoneOffset.UTC))).containsEntry("channel_css-id", "glyph-lefkowitz-twisted");
    }
}
