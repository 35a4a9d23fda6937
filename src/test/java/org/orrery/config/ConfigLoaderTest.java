package org.orrery.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.Subscription;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private PlanetConfig load(String text) throws IOException, ConfigException {
        return ConfigLoader.load(List.of(Files.writeString(dir.resolve("config.ini"), text)), dir);
    }

    @Test
    void appliesVenusDefaultsToAnEmptyPlanet() throws Exception {
        PlanetConfig config = load("[Planet]\n");
        assertThat(config.name()).isEqualTo("Unconfigured Planet");
        assertThat(config.link()).isEmpty();
        assertThat(config.ownerName()).isEqualTo("Anonymous Coward");
        assertThat(config.ownerEmail()).isEmpty();
        assertThat(config.cacheDirectory()).isEqualTo(dir.resolve("cache"));
        assertThat(config.outputDir()).isEqualTo(dir.resolve("output"));
        assertThat(config.itemsPerPage()).isEqualTo(60);
        assertThat(config.dateFormat()).isEqualTo("%B %d, %Y %I:%M %p");
        assertThat(config.newDateFormat()).isEqualTo("%B %d, %Y");
        assertThat(config.feedTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.subscriptions()).isEmpty();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void readsPlanetOptionsAndResolvesRelativeDirectoriesAgainstTheWorkingDirectory() throws Exception {
        PlanetConfig config = load("[Planet]\nname = P\nitems_per_page = 25\nfeed_timeout = 5\n"
                + "cache_directory = var/cache\noutput_dir = /srv/www\ntemplate_files = a.html.tmpl\n  b.xml.xslt\n");
        assertThat(config.name()).isEqualTo("P");
        assertThat(config.itemsPerPage()).isEqualTo(25);
        assertThat(config.feedTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.cacheDirectory()).isEqualTo(dir.resolve("var/cache"));
        assertThat(config.outputDir()).isEqualTo(Path.of("/srv/www"));
        assertThat(config.templateFiles()).containsExactly("a.html.tmpl", "b.xml.xslt");
        assertThat(config.planetOptions()).containsEntry("name", "P").containsEntry("feed_timeout", "5");
    }

    @Test
    void feedTimeoutMayHaveAFractionAsVenusPassesItToFloat() throws Exception {
        assertThat(load("[Planet]\nfeed_timeout = 2.5\n").feedTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(load("[Planet]\nfeed_timeout = .25\n").feedTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(load("[Planet]\nfeed_timeout = +3\n").feedTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(load("[Planet]\nfeed_timeout = 7.\n").feedTimeout()).isEqualTo(Duration.ofSeconds(7));
        // Finer than a millisecond is cut, not rounded.
        assertThat(load("[Planet]\nfeed_timeout = 1.23456\n").feedTimeout()).isEqualTo(Duration.ofMillis(1234));
        assertThat(load("[Planet]\nfeed_timeout = 999999999.9999\n").feedTimeout())
                .isEqualTo(Duration.ofMillis(999_999_999_999L));
    }

    @Test
    void namesWithCharacterReferencesReadAsTheCharactersVenusThemesShowed() throws Exception {
        // Planet Python's config writes names as HTML, for themes that printed them bare.
        PlanetConfig config = load("[Planet]\nname = Planet &#8220;Py&#8221; &amp; co\nowner_name = Ond&#345;ej\n"
                + "[https://gael.example/feed]\nname = Ga&#235;l Varoquaux\n"
                + "[https://clojure.example/feed]\nname = \"Clojure & lx\"\n");

        assertThat(config.name()).isEqualTo("Planet \u201cPy\u201d & co");
        assertThat(config.ownerName()).isEqualTo("Ond\u0159ej");
        assertThat(config.subscriptions().stream().map(s -> s.name().orElseThrow()))
                .containsExactly("Ga\u00ebl Varoquaux", "\"Clojure & lx\"");
    }

    @Test
    void aDirectoryNoFileSystemCanNameIsAnErrorNamingFileAndLine() {
        // Found by fuzzing the INI reader: a NUL in a path threw InvalidPathException.
        assertThatThrownBy(() -> load("[Planet]\nname = x\ncache_directory = ca\u0000che\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:3: [Planet] cache_directory must be a directory's path");
    }

    @Test
    void requiresAPlanetSection() {
        assertThatThrownBy(() -> load("[planet]\nname = x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("[Planet]")
                .hasMessageContaining("case-sensitive");
    }

    @Test
    void nonNumericItemsPerPageNamesFileAndLine() {
        assertThatThrownBy(() -> load("[Planet]\nname = x\nitems_per_page = many\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:3:")
                .hasMessageContaining("items_per_page");
        assertThatThrownBy(() -> load("[Planet]\n\nfeed_timeout = 20s\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:3:")
                .hasMessageContaining("feed_timeout");
    }

    @Test
    void everyOtherSectionIsASubscriptionWithDefaultOptions() throws Exception {
        PlanetConfig config = load("[Planet]\nname = P\nfuture_dates = keep\n[DEFAULT]\nfacewidth = 65\n"
                + "[http://a.example/feed]\nname = Alice\nFace = alice.png\n[https://b.example/rss]\n");
        assertThat(config.subscriptions())
                .extracting(Subscription::feedUri)
                .containsExactly(URI.create("http://a.example/feed"), URI.create("https://b.example/rss"));
        Subscription alice = config.subscriptions().get(0);
        assertThat(alice.name()).contains("Alice");
        assertThat(alice.options()).containsEntry("face", "alice.png").containsEntry("facewidth", "65");
        assertThat(config.subscriptions().get(1).name()).isEmpty();
        assertThat(config.option(alice, "future_dates")).contains("keep");
        assertThat(config.option(alice, "facewidth")).contains("65");
        assertThat(config.option(alice, "xml_base")).isEqualTo(Optional.empty());
    }

    @Test
    void templateAndFilterSectionsAreNotSubscriptions() throws Exception {
        PlanetConfig config = load("[Planet]\ntemplate_files = index.html.tmpl\nfilters = excerpt.py\n"
                + "[index.html.tmpl]\ndays_per_page = 7\n[excerpt.py]\nwidth = 300\n[http://a.example/]\n");
        assertThat(config.subscriptions())
                .extracting(Subscription::feedUri)
                .containsExactly(URI.create("http://a.example/"));
        assertThat(config.filterSections()).containsKey("excerpt.py");
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void sectionOfAnAbsentThemeIsSkippedWithAWarning() throws Exception {
        PlanetConfig config = load("[Planet]\n\n[index.html.xslt]\nfilters = addsearch.xslt\n");
        assertThat(config.subscriptions()).isEmpty();
        assertThat(config.warnings()).singleElement().asString().contains("config.ini:3:", "[index.html.xslt]");
    }

    @Test
    void aTemplatesOwnPageOptionsAreItsPagesAndABadOneIsAnError() throws Exception {
        PlanetConfig config = load("[Planet]\ntemplate_files = index.html.tmpl\nitems_per_page = 30\n\n"
                + "[index.html.tmpl]\ndays_per_page = 7\n");
        assertThat(config.pageDays()).isEqualTo(7);
        assertThat(config.pageItems()).isEqualTo(30);
        assertThat(load("[Planet]\n").pageDays()).isZero();
        assertThatThrownBy(() -> load("[Planet]\ntemplate_files = index.html.tmpl\n\n"
                        + "[index.html.tmpl]\ndays_per_page = a week\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("days_per_page");
    }

    @Test
    void aTemplatesSectionOfTheOutputThemeNamesItsOutputFilters() throws Exception {
        PlanetConfig config = load("[Planet]\noutput_theme = moz\nfilters = minhead.py\n\n[index.html.xslt]\n"
                + "filters = minhead.py addsearch.xslt\n");
        assertThat(config.subscriptions()).isEmpty();
        assertThat(config.warnings()).isEmpty();
        assertThat(config.outputFilters())
                .as("[Planet]'s filters are the entries', not the output's")
                .containsOnlyKeys("index.html");
        assertThat(config.outputFilters().get("index.html"))
                .extracting(FilterSpec::name)
                .containsExactly("addsearch.xslt");
    }

    @Test
    void sectionThatIsNoUsableUrlIsSkippedWithAWarning() throws Exception {
        PlanetConfig config = load("[Planet]\n[http://bad host/feed]\n[file:///var/feeds/x.xml]\n[http://ok/]\n");
        assertThat(config.subscriptions())
                .extracting(Subscription::feedUri)
                .containsExactly(URI.create("file:///var/feeds/x.xml"), URI.create("http://ok/"));
        assertThat(config.warnings()).singleElement().asString().contains("config.ini:2:", "[http://bad host/feed]");
    }

    @Test
    void sectionNamedByAPathIsALocalFileRelativeToTheWorkingDirectory() throws Exception {
        Path workingDirectory = dir.resolve("planet");
        PlanetConfig config = ConfigLoader.load(
                List.of(Files.writeString(dir.resolve("config.ini"), "[Planet]\n[feeds/alice.atom]\n")),
                workingDirectory);
        assertThat(config.subscriptions())
                .extracting(Subscription::feedUri)
                .containsExactly(workingDirectory.resolve("feeds/alice.atom").toUri());
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void readingListSectionsAreReadingListsNotSubscriptions() throws Exception {
        PlanetConfig config = load("[Planet]\n[http://example.org/blogroll.opml]\ncontent_type = opml\nface = x.png\n"
                + "[http://example.org/list.csv]\ncontent_type = csv\n[http://example.org/x]\ncontent_type = t.xslt\n");
        assertThat(config.subscriptions()).isEmpty();
        assertThat(config.readingLists())
                .extracting(ReadingList::uri, ReadingList::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                URI.create("http://example.org/blogroll.opml"), ReadingList.Type.OPML),
                        org.assertj.core.groups.Tuple.tuple(
                                URI.create("http://example.org/list.csv"), ReadingList.Type.CSV));
        assertThat(config.readingLists().get(0).options()).containsEntry("face", "x.png");
        assertThat(config.warnings()).singleElement().asString().contains("t.xslt", "skipped");
    }

    @Test
    void warnsAboutPlanetOptionsVenusDoesNotKnow() throws Exception {
        PlanetConfig config = load("[DEFAULT]\nfacewidth = 65\n[Planet]\nname = P\nitem_per_page = 10\n");
        assertThat(config.warnings()).singleElement().asString().contains("config.ini:5:", "item_per_page");
        assertThat(config.itemsPerPage()).isEqualTo(60);
    }

    @Test
    void showsTimesInUtcUnlessATimeZoneIsConfigured() throws Exception {
        assertThat(load("[Planet]\n").zone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(load("[Planet]\ntime_zone = Europe/Berlin\n").zone())
                .isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
    }

    @Test
    void unknownTimeZoneIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> load("[Planet]\nname = x\ntime_zone = Mars/Olympus\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:3:")
                .hasMessageContaining("Mars/Olympus");
    }

    @Test
    void riverOrderIsDateOrFirstSeenAndAnythingElseIsAnErrorNamingTheLine() throws Exception {
        assertThat(load("[Planet]\nriver_order = first_seen\n").warnings()).isEmpty();
        assertThat(load("[Planet]\nriver_order = date\n").warnings()).isEmpty();
        assertThatThrownBy(() -> load("[Planet]\nname = x\nriver_order = newest\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:3:")
                .hasMessageContaining("river_order")
                .hasMessageContaining("newest");
    }

    @Test
    void maxPagesIsAWholeNumberTwentyByDefault() throws Exception {
        assertThat(load("[Planet]\nname = x\n").options().maxPages()).isEqualTo(20);
        var unlimited = load("[Planet]\nmax_pages = 0\n");
        assertThat(unlimited.warnings()).isEmpty();
        assertThat(unlimited.options().maxPages()).isZero();
        assertThat(load("[Planet]\nmax_pages = 150\n").options().maxPages()).isEqualTo(150);
        assertThatThrownBy(() -> load("[Planet]\nname = x\nmax_pages = many\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:3:")
                .hasMessageContaining("max_pages");
    }

    @Test
    void maxFeedBytesIsAWholeNumberFromOneAndAnythingElseIsAnErrorNamingTheLine() throws Exception {
        assertThat(load("[Planet]\nname = x\n").options().maxFeedBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(load("[Planet]\nmax_feed_bytes = 100\n").options().maxFeedBytes())
                .isEqualTo(100);
        assertThat(load("[Planet]\nmax_feed_bytes = 4294967296\n").options().maxFeedBytes())
                .isEqualTo(4_294_967_296L);
        for (String bad : List.of("lots", "0", "-1", "1.5", "99999999999999999999")) {
            assertThatThrownBy(() -> load("[Planet]\nname = x\nmax_feed_bytes = " + bad + "\n"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("config.ini:3:")
                    .hasMessageContaining("max_feed_bytes")
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void connectionBoundsDefaultTo64And4AndSpiderThreadsCanRaiseTheFirst() throws Exception {
        var defaults = load("[Planet]\nname = x\n");
        assertThat(defaults.options().maxConnections()).isEqualTo(64);
        assertThat(defaults.options().maxConnectionsPerHost()).isEqualTo(4);
        assertThat(load("[Planet]\nspider_threads = 200\n").options().maxConnections())
                .isEqualTo(200);
        assertThat(load("[Planet]\nspider_threads = 8\n").options().maxConnections())
                .isEqualTo(64);
        var set = load("[Planet]\nmax_connections = 16\nmax_connections_per_host = 32\nspider_threads = 200\n");
        assertThat(set.warnings()).isEmpty();
        assertThat(set.options().maxConnections()).isEqualTo(16);
        assertThat(set.options().maxConnectionsPerHost())
                .as("never more than in all")
                .isEqualTo(16);
        assertThatThrownBy(() -> load("[Planet]\nname = x\nmax_connections_per_host = 0\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:3:")
                .hasMessageContaining("max_connections_per_host");
    }

    @Test
    void encodingIsActedOnSoNotWarnedAbout() throws Exception {
        assertThat(load("[Planet]\nencoding = iso-8859-1\n").warnings()).isEmpty();
        assertThat(load("[Planet]\nencoding = xml\n").warnings()).isEmpty();
    }
}
