package org.orrery.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Venus option beyond the basics: defaults, values, errors naming the line, warnings. */
class PlanetOptionsTest {
    @TempDir
    Path dir;

    private PlanetConfig load(String text) throws IOException, ConfigException {
        return ConfigLoader.load(List.of(Files.writeString(dir.resolve("config.ini"), text)), dir);
    }

    @Test
    void emptyPlanetHasVenusDefaults() throws Exception {
        PlanetOptions o = load("[Planet]\n").options();
        assertThat(o).isEqualTo(PlanetOptions.DEFAULTS);
        assertThat(o.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(o.cacheKeepEntries()).isEqualTo(10);
        assertThat(o.pubsubhubbubFeeds()).containsExactly("atom.xml", "rss10.xml", "rss20.xml");
        assertThat(o.generator()).isEqualTo("Venus");
        assertThat(o.generatorUri()).isEmpty();
        assertThat(o.feed()).isEmpty();
    }

    @Test
    void readsEveryPlanetOption() throws Exception {
        PlanetOptions o = load("[Planet]\ndays_per_page = 7\nencoding = iso-8859-1\nlocale = de_DE.UTF-8:fr_FR\n"
                        + "activity_threshold = 90\nnew_feed_items = 1\nspider_threads = 4\nlog_level = debug\n"
                        + "generator = G\ngenerator_uri = http://g/\nfeed = http://p/rss20.xml\ncache_keep_entries = 5\n"
                        + "pubsubhubbub_hub = http://hub/\npubsubhubbub_feeds = atom.xml\noutput_theme = classic\n"
                        + "template_directories = a b\nbill_of_materials = x.css\n  y.png\nfilters = excerpt.py\n"
                        + "filter_directories = f\nfilter = Java\nexclude = (?i)spam\n")
                .options();
        assertThat(o.daysPerPage()).isEqualTo(7);
        assertThat(o.encoding()).isEqualTo("iso-8859-1");
        assertThat(o.locales()).containsExactly(Locale.of("de", "DE"), Locale.of("fr", "FR"));
        assertThat(o.activityThresholdDays()).isEqualTo(90);
        assertThat(o.newFeedItems()).isEqualTo(1);
        assertThat(o.spiderThreads()).isEqualTo(4);
        assertThat(o.logLevel()).isEqualTo("DEBUG");
        assertThat(o.generator()).isEqualTo("G");
        assertThat(o.generatorUri()).contains("http://g/");
        assertThat(o.feed()).contains("http://p/rss20.xml");
        assertThat(o.cacheKeepEntries()).isEqualTo(5);
        assertThat(o.pubsubhubbubHub()).contains("http://hub/");
        assertThat(o.pubsubhubbubFeeds()).containsExactly("atom.xml");
        assertThat(o.outputTheme()).contains("classic");
        assertThat(o.templateDirectories()).containsExactly("a", "b");
        assertThat(o.billOfMaterials()).containsExactly("x.css", "y.png");
        assertThat(o.filters()).containsExactly("excerpt.py");
        assertThat(o.filterDirectories()).containsExactly("f");
        assertThat(o.filter()).contains("Java");
        assertThat(o.exclude()).contains("(?i)spam");
    }

    @Test
    void theFirstLocaleWhoseCLibraryNamesOrreryCarriesWinsAsInPlanet2() throws Exception {
        PlanetConfig config = load("[Planet]\nlocale = xx_YY:af_ZA.UTF-8:fi_FI.UTF-8\n");

        assertThat(config.options().locale()).isEqualTo(Locale.of("fi", "FI"));
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void aLocaleOnlyJavaKnowsIsAWarning() throws Exception {
        PlanetConfig config = load("[Planet]\nlocale = af_ZA.UTF-8\n");

        assertThat(config.options().locale()).isEqualTo(Locale.of("af", "ZA"));
        assertThat(config.warnings())
                .singleElement()
                .asString()
                .contains("config.ini:2:", "locale af_ZA.UTF-8", "Java's are used");
    }

    @Test
    void cLocaleIsEnglish() throws Exception {
        assertThat(load("[Planet]\nlocale = C\n").options().locale()).isEqualTo(Locale.US);
    }

    @Test
    void badValuesNameFileAndLine() {
        for (String bad : List.of(
                "new_feed_items = one",
                "days_per_page = -1",
                "log_level = LOUD",
                "locale = not a locale",
                "locale = xx_YY.UTF-8",
                "locale = qq:zz_ZZ",
                "encoding = klingon",
                "filter = (unclosed",
                "cache_keep_entries = 1.5")) {
            assertThatThrownBy(() -> load("[Planet]\nname = x\n" + bad + "\n"))
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("config.ini:3:")
                    .hasMessageContaining(bad.substring(0, bad.indexOf(' ')));
        }
    }

    @Test
    void badSubscriptionValueNamesItsSectionLine() {
        assertThatThrownBy(() -> load("[Planet]\n[http://a/]\nname = A\nexclude = [z-a]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:4:")
                .hasMessageContaining("[http://a/]");
        assertThatThrownBy(() -> load("[Planet]\nfilters = excerpt.py?width=wide\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:2:")
                .hasMessageContaining("width");
        assertThatThrownBy(() -> load("[Planet]\nfilters = minhead.py\n[minhead.py]\nmin = high\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:4:");
    }

    @Test
    void subscriptionOptionsFollowVenusLookup() throws Exception {
        PlanetConfig config = load("[Planet]\nfilters = minhead.py\nfilter = Python\nfuture_dates = ignore_entry\n"
                + "name_type = html\n"
                + "[excerpt.py]\nwidth = 300\n"
                + "[http://a/]\nfilters = excerpt.py?omit=img\nexclude = Ruby\nignore_in_feed = updated xml:lang\n"
                + "title_type = html\ncontent_type = text\nxml_base = feed_alternate\ncache_keep_entries = 3\n"
                + "[http://b/]\nfilter = Clojure\nfuture_dates = ignore_date\n");
        SubscriptionOptions a =
                config.subscriptionOptions(config.subscriptions().get(0));
        assertThat(a.filter()).contains("Python");
        assertThat(a.exclude()).contains("Ruby");
        assertThat(a.filters())
                .containsExactly(
                        new FilterSpec("minhead.py", Map.of()),
                        new FilterSpec("regexp_sifter.py", Map.of("require", "Python")),
                        new FilterSpec("regexp_sifter.py", Map.of("exclude", "Ruby")),
                        new FilterSpec("excerpt.py", Map.of("width", "300", "omit", "img")));
        assertThat(a.ignoreInFeed()).containsExactlyInAnyOrder("updated", "xml:lang");
        assertThat(a.titleType()).contains("text/html");
        assertThat(a.contentType()).contains("text/plain");
        assertThat(a.nameType()).contains("html");
        assertThat(a.futureDates()).isEqualTo(SubscriptionOptions.FutureDates.IGNORE_ENTRY);
        assertThat(a.xmlBase()).contains("feed_alternate");
        assertThat(a.cacheKeepEntries()).isEqualTo(3);
        SubscriptionOptions b =
                config.subscriptionOptions(config.subscriptions().get(1));
        assertThat(b.filter()).contains("Clojure");
        assertThat(b.futureDates()).isEqualTo(SubscriptionOptions.FutureDates.IGNORE_DATE);
        assertThat(b.cacheKeepEntries()).isEqualTo(10);
        assertThat(b.cacheKeepDays()).isZero();
        assertThat(b.summaryType()).isEqualTo(Optional.empty());
        assertThat(config.warnings())
                .singleElement()
                .asString()
                .contains("config.ini:14:", "xml_base", "1 subscription");
    }

    @Test
    void filterOrreryLacksIsAWarningOnce() throws Exception {
        PlanetConfig config = load("[Planet]\nfilters = mememe.plugin\n[http://a/]\nfilters = mememe.plugin\n"
                + "[http://b/]\nfilters = coral_cdn_filter.py\n");
        assertThat(config.warnings())
                .hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("config.ini:2:", "mememe.plugin", "pass it unchanged"))
                .anySatisfy(w -> assertThat(w).contains("config.ini:6:", "coral_cdn_filter.py"));
    }

    @Test
    void unknownFutureDatesValueIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> load("[Planet]\n[http://a/]\nfuture_dates = ignore-date\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "config.ini:3: [http://a/] future_dates must be keep, ignore_date or ignore_entry")
                .hasMessageContaining("ignore-date");
        assertThatThrownBy(() -> load("[Planet]\nfuture_dates = later\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:2: [Planet] future_dates must be");
    }

    @Test
    void futureDatesIsReadInAnyCase() throws Exception {
        PlanetConfig config = load("[Planet]\n[http://a/]\nfuture_dates = Ignore_Entry\n");
        assertThat(config.subscriptionOptions(config.subscriptions().get(0)).futureDates())
                .isEqualTo(SubscriptionOptions.FutureDates.IGNORE_ENTRY);
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void activityThresholdOfAFeedThatIsNotANumberIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> load("[Planet]\n[http://a/]\nname = A\nactivity_threshold = a month\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:4: [http://a/] activity_threshold must be a whole number");
    }

    @Test
    void activityThresholdOfAFeedIsItsOwnElseThePlanets() throws Exception {
        PlanetConfig config =
                load("[Planet]\nactivity_threshold = 90\n[http://a/]\nactivity_threshold = 7\n" + "[http://b/]\n");
        assertThat(config.subscriptions())
                .map(s -> config.subscriptionOptions(s).activityThresholdDays())
                .containsExactly(7, 90);
    }

    @Test
    void allowPrivateAddressesThatIsNotABooleanIsAnErrorNamingItsLine() {
        for (String config : List.of(
                "[Planet]\nallow_private_addresses = maybe\n",
                "[Planet]\n[http://a/]\nallow_private_addresses = sometimes\n",
                "[Planet]\n[http://list/]\ncontent_type = opml\nallow_private_addresses = intranet\n")) {
            String line = config.lines()
                    .filter(l -> l.startsWith("allow"))
                    .findFirst()
                    .orElseThrow();
            int number = config.lines().toList().indexOf(line) + 1;
            assertThatThrownBy(() -> load(config))
                    .as(config)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("config.ini:" + number + ":")
                    .hasMessageContaining("allow_private_addresses must be yes or no");
        }
    }

    @Test
    void allowPrivateAddressesReadsPythonsBooleans() throws Exception {
        PlanetConfig config = load(
                "[Planet]\nallow_private_addresses = On\n[http://a/]\nallow_private_addresses = 0\n" + "[http://b/]\n");
        assertThat(config.options().allowPrivateAddresses()).isTrue();
        assertThat(config.subscriptions()).map(config::privateAddressesAllowed).containsExactly(false, true);
    }

    @Test
    void databaseNamesThePostgresqlStoreAndIsUnsetByDefault() throws Exception {
        assertThat(load("[Planet]\n[http://a/]\n").options().database()).isEmpty();
        PlanetConfig config = load("[Planet]\ndatabase = postgresql://db.example:5432/planet?user=planet\n");
        assertThat(config.options().database()).contains("postgresql://db.example:5432/planet?user=planet");
        assertThat(config.warnings()).isEmpty();
        assertThatThrownBy(() -> load("[Planet]\ndatabase = mysql://db.example/planet\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:2:")
                .hasMessageContaining("database must be a PostgreSQL URL");
    }

    @Test
    void defaultValuesOfNotYetActedOnOptionsAreNotWarnedAbout() throws Exception {
        assertThat(load("[Planet]\ndays_per_page = 0\nactivity_threshold = 0\nencoding = utf-8\nlocale = C\n")
                        .warnings())
                .isEmpty();
    }

    @Test
    void pythonRegexSyntaxIsRewritten() {
        assertThat(PythonRegex.compile("(?P<lang>clojure) (?P=lang)")
                        .matcher("clojure clojure")
                        .find())
                .isTrue();
        assertThat(PythonRegex.compile("end\\Z").matcher("the end").find()).isTrue();
        assertThat(PythonRegex.compile("a{,2}b").matcher("aab").matches()).isTrue();
        assertThat(PythonRegex.compile("x{y").matcher("x{y").find()).isTrue();
    }

    @Test
    void iframeHostsAreSeparatedByBlanksOrCommas() throws Exception {
        assertThat(load("[Planet]\niframe_hosts =  video.example.org, peertube.example.net  \n")
                        .options()
                        .iframeHosts())
                .containsExactly("video.example.org", "peertube.example.net");
        assertThat(load("[Planet]\n").options().iframeHosts()).isEmpty();
    }
}
