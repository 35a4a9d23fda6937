package org.orrery.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orrery.model.Subscription;

/** Real planets' config files; expected counts come from python3's configparser with Venus's rules. */
class CorpusConfigTest {
    static Stream<String> files() {
        return CorpusConfigs.SUBSCRIPTIONS.keySet().stream().sorted();
    }

    private static PlanetConfig load(String file) throws ConfigException {
        return ConfigLoader.load(List.of(CorpusConfigs.directory().resolve(file)), Path.of("/planet"));
    }

    @ParameterizedTest
    @MethodSource("files")
    void findsTheSubscriptionsPythonFinds(String file) throws Exception {
        assertThat(load(file).subscriptions()).hasSize(CorpusConfigs.SUBSCRIPTIONS.get(file));
    }

    @Test
    void everyCorpusFileHasAnExpectedCount() throws Exception {
        try (Stream<Path> files = Files.list(CorpusConfigs.directory())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(CorpusConfigs.SUBSCRIPTIONS.keySet());
        }
    }

    @Test
    void planetPython() throws Exception {
        PlanetConfig config = load("planet-python.ini");
        assertThat(config.name()).isEqualTo("Planet Python");
        assertThat(config.itemsPerPage()).isEqualTo(25);
        assertThat(config.dateFormat()).isEqualTo("%B %d, %Y %I:%M %p %Z");
        assertThat(config.newDateFormat()).isEqualTo("%B %d, %Y");
        assertThat(config.cacheDirectory()).isEqualTo(Path.of("/srv/cache"));
        assertThat(config.templateFiles()).hasSize(7).startsWith("config/index.html.tmpl");
        assertThat(config.subscriptions().get(0).feedUri())
                .isEqualTo(URI.create("http://dev.2degreesnetwork.com/feeds/posts/default/-/python"));
        assertThat(config.subscriptions().get(0).name()).contains("2degrees");
        assertThat(config.options().newFeedItems()).isEqualTo(1);
        assertThat(config.options().daysPerPage()).isEqualTo(10);
        assertThat(config.options().activityThresholdDays()).isEqualTo(180);
        assertThat(config.options().logLevel()).isEqualTo("DEBUG");
        // days_per_page = 10 is acted on; log_level is not (ORRERY_LOG_LEVEL is Orrery's)
        assertThat(config.warnings())
                .singleElement()
                .asString()
                .contains("planet-python.ini:4: [Planet] log_level = DEBUG is ignored by Orrery");
    }

    @Test
    void planetMozilla() throws Exception {
        PlanetConfig config = load("planet-mozilla.ini");
        assertThat(config.name()).isEqualTo("Planet Mozilla");
        assertThat(config.itemsPerPage()).isEqualTo(75);
        assertThat(config.feedTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.cacheDirectory()).isEqualTo(Path.of("/planet/cache"));
        Subscription asa = config.subscriptions().stream()
                .filter(s -> s.feedUri().toString().equals("http://asadotzler.com/tag/mozilla/feed/"))
                .findFirst()
                .orElseThrow();
        assertThat(asa.name()).contains("Asa Dotzler");
        assertThat(asa.options())
                .containsEntry("facewidth", "65")
                .containsEntry("faceheight", "85")
                .containsEntry("future_dates", "ignore_date");
        assertThat(config.option(asa, "activity_threshold")).contains("90");
        assertThat(config.warnings())
                .satisfiesExactly(
                        w -> assertThat(w).contains("planet-mozilla.ini:17:", "log_level = ERROR is ignored"),
                        w -> assertThat(w)
                                .contains("planet-mozilla.ini:20:", "http_cache_directory = http is ignored"));
        assertThat(config.outputFilters().get("index.html"))
                .as("its theme's index.html.xslt section: an output filter")
                .extracting(FilterSpec::name)
                .containsExactly("addsearch.xslt");
        assertThat(config.options().filters())
                .containsExactly(
                        "minhead.py", "stripAd/feedburner.sed", "stripAd/google_ad_map.sed", "stripAd/yahoo.sed");
        SubscriptionOptions options = config.subscriptionOptions(asa);
        assertThat(options.futureDates()).isEqualTo(SubscriptionOptions.FutureDates.IGNORE_DATE);
        assertThat(options.filters()).extracting(FilterSpec::name).allMatch(FilterSpec.SUPPORTED::contains);
        assertThat(config.subscriptions())
                .filteredOn(s -> config.subscriptionOptions(s).ignoreInFeed().contains("updated"))
                .hasSize(3);
    }

    @Test
    void planetMozillaProjectsIsReadAsLatin1() throws Exception {
        PlanetConfig config = load("planet-mozilla-projects.ini");
        assertThat(config.subscriptions())
                .filteredOn(s -> s.feedUri().toString().equals("http://blog.frenchmozilla.org/index/feed/en/rss2"))
                .singleElement()
                .satisfies(s -> assertThat(s.name()).contains("Mozilla en version fran\u00e7aise"));
    }

    @Test
    void planetClojureMergesRepeatedSectionsAndWarnsAboutItsTwitterOption() throws Exception {
        PlanetConfig config = load("planet-clojure.ini");
        assertThat(config.pageDays())
                .as("[clojure/index.html.tmpl] days_per_page = 7: the front page's template's own")
                .isEqualTo(7);
        assertThat(config.options().daysPerPage()).as("[Planet]'s").isEqualTo(10);
        assertThat(config.subscriptions())
                .extracting(s -> s.feedUri().toString())
                .doesNotHaveDuplicates()
                .contains("https://cognitect.com/feed.xml");
        assertThat(config.warnings())
                .satisfiesExactly(
                        w -> assertThat(w).contains("planet-clojure.ini:26:", "post_to_twitter"),
                        w -> assertThat(w).contains("planet-clojure.ini:22:", "log_level = DEBUG is ignored"));
        assertThat(config.subscriptions())
                .filteredOn(s -> config.subscriptionOptions(s).filter().isPresent())
                .hasSize(555); // 557 filter lines; repeated sections merge
    }

    @Test
    void planet2sPlanetsAreReadInPlanet2sDialectAndVenussInVenuss() throws Exception {
        for (String file :
                List.of("planet-clojure.ini", "planet-emacsen-en.ini", "planet-jython.ini", "planet-python.ini")) {
            assertThat(load(file).options().dialect().dialect()).as(file).isEqualTo(Dialect.PLANET2);
        }
        for (String file : List.of(
                "planet-mozilla.ini",
                "planet-mozilla-projects.ini",
                "planet-mozilla-theme.ini",
                "planet-mozilla-thunderbird.ini")) {
            assertThat(load(file).options().dialect().dialect()).as(file).isEqualTo(Dialect.VENUS);
        }
        assertThat(load("planet-mozilla.ini").options().dialect().reason())
                .isEqualTo("[Planet] sets output_theme, filters, spider_threads, ..., which only Venus reads");
    }

    @ParameterizedTest
    @MethodSource("files")
    void everySubscriptionsOptionsResolveAndEveryFilterIsProvided(String file) throws Exception {
        PlanetConfig config = load(file);
        for (Subscription s : config.subscriptions()) {
            assertThat(config.subscriptionOptions(s).filters()).allMatch(FilterSpec::supported);
        }
        assertThat(config.warnings()).noneMatch(w -> w.contains("filter ") && w.contains("not one Orrery provides"));
    }

    @Test
    void planetMozillaThemeKeepsItsMultiLineLists() throws Exception {
        PlanetConfig config = load("planet-mozilla-theme.ini");
        assertThat(config.templateFiles()).hasSize(7).contains("index.html.xslt", "validate.html.xslt");
        assertThat(config.planetOptions().get("bill_of_materials")).startsWith("\n.htaccess\npersonalize.js\n");
    }
}
