package org.orrery.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.Planet;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.NoFetching;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;
import org.orrery.store.JdbcStore;
import org.orrery.store.Refresh;

/**
 * A template's own section may name output filters, which Venus ran on the file the template
 * wrote (Planet Mozilla's {@code [index.html.xslt]} {@code filters: addsearch.xslt}).
 */
class OutputFiltersTest {
    private static final URI FEED = URI.create("https://ada.example/feed.atom");
    private static final Instant NOW = Instant.parse("2017-09-20T06:00:00Z");

    @TempDir
    Path dir;

    private PlanetConfig config(String section) throws Exception {
        Path theme = Files.createDirectories(dir.resolve("theme"));
        try (InputStream in = getClass().getResourceAsStream("/render/legacy/venus-xslt/asf.html.xslt")) {
            Files.write(theme.resolve("index.html.xslt"), in.readAllBytes());
        }
        Path file = Files.writeString(
                dir.resolve("config.ini"),
                """
                [Planet]
                name = Planet Test
                link = https://planet.example.org/
                template_files = index.html.xslt
                template_directories = %s
                filters = minhead.py

                %s

                [%s]
                name = Ada
                """
                        .formatted(theme, section, FEED));
        return ConfigLoader.load(List.of(file), dir);
    }

    private String publish(PlanetConfig config) throws Exception {
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            store.save(new Refresh.Fetched(
                    FEED,
                    NOW,
                    Validators.NONE,
                    OptionalInt.of(200),
                    FeedInfo.UNKNOWN,
                    List.of(new Entry(
                            "tag:ada.example,1",
                            "Notes on the Engine",
                            Optional.of(URI.create("https://ada.example/1")),
                            Optional.empty(),
                            Optional.of(NOW.minusSeconds(3600)),
                            Optional.empty(),
                            "<p>The Analytical Engine.</p>",
                            Optional.empty(),
                            List.of(),
                            List.of()))));
            new Planet(config, NoFetching.FETCHER, store, InstantSource.fixed(NOW)).publish();
        }
        return Files.readString(dir.resolve("output/index.html"));
    }

    @Test
    void addsearchPutsASearchFormInTheSidebarAndAnOpenSearchLinkInTheHead() throws Exception {
        PlanetConfig config = config("[index.html.xslt]\nfilters = addsearch.xslt");
        assertThat(config.warnings()).noneMatch(w -> w.contains("index.html.xslt"));

        String page = publish(config);
        var doc = Jsoup.parse(page);

        assertThat(page).startsWithIgnoringCase("<!doctype html>");
        assertThat(doc.select("div#sidebar > h2").last().text()).isEqualTo("Search");
        assertThat(doc.select("div#sidebar > form > input[name=q]")).hasSize(1);
        assertThat(doc.select("head > link[rel=search]").attr("type"))
                .isEqualTo("application/opensearchdescription+xml");
        assertThat(doc.select("head > link[rel=search]").attr("href")).endsWith("opensearchdescription.xml");
        assertThat(doc.text()).contains("Notes on the Engine");
    }

    @Test
    void withoutTheSectionThePageIsAsTheTemplateWroteItAndUnknownFiltersAreNamed() throws Exception {
        assertThat(Jsoup.parse(publish(config(""))).select("input[name=q]")).isEmpty();

        assertThat(config("[index.html.xslt]\nfilters = banner.plugin").warnings())
                .anyMatch(w -> w.contains("output filter banner.plugin is not one Orrery provides"));
    }
}
