package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.EntryDetails;
import org.orrery.model.FeedInfo;
import org.orrery.model.Post;
import org.orrery.model.River;

/** The default theme's page as readers in other languages and scripts see it. */
class DefaultThemeTest {
    private static final Instant NOW = Instant.parse("2017-09-20T06:00:00Z");

    private static Site site(Locale locale, Map<String, String> options) {
        return new Site(
                "Planet Demo",
                "https://planet.example.org/",
                "",
                "",
                "Orrery test",
                new Strftime("%d %b %Y", locale),
                new Strftime("%d %b %Y", locale),
                ZoneOffset.UTC,
                "utf-8",
                Optional.empty(),
                Optional.empty(),
                options);
    }

    private static Channel channel(String name, Map<String, String> options, Optional<String> feedLanguage) {
        return new Channel(
                URI.create("https://" + name.length() + ".example.org/feed"),
                name,
                Optional.empty(),
                Optional.of(NOW),
                Optional.empty(),
                Optional.empty(),
                options,
                new FeedInfo(
                        Optional.of(name),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        feedLanguage));
    }

    private static Post post(Channel channel, String key, String title, String html, Optional<String> language) {
        var entry = new Entry(
                key,
                title,
                Optional.of(URI.create("https://example.org/" + key)),
                Optional.empty(),
                Optional.of(NOW),
                Optional.empty(),
                html,
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                new EntryDetails(Optional.empty(), Optional.empty(), language, Optional.empty()));
        return new Post(entry, channel, NOW);
    }

    private static Document front(Site site, River river) {
        return Jsoup.parse(
                new String(new SiteRenderer(site).render(river, NOW).get("index.html"), StandardCharsets.UTF_8));
    }

    private static final Channel ENGLISH = channel("Ada", Map.of(), Optional.of("en-us"));

    @Test
    void thePageIsInTheLanguageOfTheLocaleWithItsWords() {
        River river = new River(List.of(post(ENGLISH, "1", "Hello", "<p>Hi</p>", Optional.empty())), List.of(ENGLISH));

        Document page = front(site(Locale.GERMANY, Map.of()), river);

        assertThat(page.select("html").attr("lang")).isEqualTo("de");
        assertThat(page.select("aside h2").eachText()).startsWith("Abonnements", "Feeds", "Archiv");
        assertThat(page.select("a.skip").text()).isEqualTo("Zu den Abonnements springen");
        assertThat(page.select("footer").text()).startsWith("Zuletzt aktualisiert: 20 Sep 2017.");
        assertThat(page.select("footer time").attr("datetime")).isEqualTo("2017-09-20T06:00:00+00:00");
    }

    @Test
    void aLanguageWithoutWordsOfItsOwnIsEnglishInWordsAndItsOwnInLang() {
        River river = new River(List.of(), List.of(ENGLISH));

        Document page = front(site(Locale.of("fi", "FI"), Map.of()), river);

        assertThat(page.select("html").attr("lang")).isEqualTo("fi");
        assertThat(page.select("aside h2").first().text()).isEqualTo("Subscriptions");
        assertThat(page.select("main .empty").text()).isEqualTo("No entries yet.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es", "pt", "ja"})
    void everyLanguageHasEveryWordEnglishHas(String language) throws IOException {
        assertThat(words(language).keySet())
                .containsExactlyInAnyOrderElementsOf(words("en").keySet());
        assertThat(words(language).values())
                .allSatisfy(word -> assertThat((String) word).isNotBlank());
    }

    @Test
    void placeholdersAreFilledInWhateverTheLanguage() {
        River river = new River(List.of(), List.of(ENGLISH));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPAN, Locale.FRANCE)) {
            String html = new String(
                    new SiteRenderer(site(locale, Map.of())).render(river, NOW).get("index.html"),
                    StandardCharsets.UTF_8);
            assertThat(html).as(locale.toString()).doesNotContain("{date}", "{generator}", "{name}");
        }
    }

    @Test
    void titlesAndBodiesTakeTheirDirectionFromTheirOwnText() {
        River river = new River(
                List.of(post(ENGLISH, "1", "فیڈ ریڈر", "<p>یہ ایک مثال ہے۔</p>", Optional.empty())), List.of(ENGLISH));

        Document page = front(site(Locale.ENGLISH, Map.of()), river);

        assertThat(page.select("article .e-content").attr("dir")).isEqualTo("auto");
        assertThat(page.select("article h3 > .p-name").attr("dir")).isEqualTo("auto");
        assertThat(page.select("article h3 > .p-name").text()).isEqualTo("فیڈ ریڈر");
    }

    @Test
    void aSubscriptionsLanguageOptionMarksItsEntriesOverWhatTheFeedDeclares() {
        Channel urdu = channel("Urdu Blog", Map.of("language", "ur"), Optional.of("en-us"));
        River river = new River(
                List.of(
                        post(urdu, "u", "تحریر", "<p>متن</p>", Optional.of("en")),
                        post(ENGLISH, "e1", "Declared by the feed", "<p>text</p>", Optional.empty()),
                        post(ENGLISH, "e2", "Declared by the entry", "<p>Text</p>", Optional.of("de_DE"))),
                List.of(urdu, ENGLISH));

        Document page = front(site(Locale.ENGLISH, Map.of()), river);

        assertThat(page.select("article").eachAttr("lang")).containsExactly("ur", "en-us", "de-DE");
    }

    @Test
    void aPlanetWideLanguageIsEveryFeedsWithoutOne() {
        Channel silent = channel("Silent", Map.of(), Optional.empty());
        River river = new River(List.of(post(silent, "s", "Titel", "<p>Text</p>", Optional.empty())), List.of(silent));

        Document page = front(site(Locale.ENGLISH, Map.of("language", "de")), river);

        assertThat(page.select("article").attr("lang")).isEqualTo("de");
    }

    @Test
    void aFeedThatDeclaresNoLanguageGivesItsEntriesNone() {
        Channel silent = channel("Silent", Map.of(), Optional.empty());
        River river = new River(List.of(post(silent, "s", "Title", "<p>Text</p>", Optional.empty())), List.of(silent));

        Document page = front(site(Locale.ENGLISH, Map.of()), river);

        assertThat(page.select("article").hasAttr("lang")).isFalse();
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
    }

    private static Map<Object, Object> words(String language) throws IOException {
        var properties = new Properties();
        try (var in = DefaultThemeTest.class
                .getClassLoader()
                .getResourceAsStream("org/orrery/render/theme/messages/" + language + ".properties")) {
            assertThat(in).as(language).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
