package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** health.html, the maintainers' page: every subscription's state, in the planet's language. */
class HealthPageTest {
    private static final Instant NOW = Instant.parse("2017-09-20T06:00:00Z");

    private static final HealthPage.Report REPORT = new HealthPage.Report(
            NOW,
            List.of(
                    new HealthPage.Row(
                            "Glyph <Lefkowitz>",
                            URI.create("https://glyph.example.net/rss"),
                            "failing",
                            Optional.of("not a feed: root element <html>"),
                            Optional.empty(),
                            3,
                            Optional.of(Instant.parse("2017-09-01T10:00:00Z")),
                            Optional.of(Instant.parse("2017-09-20T07:00:00Z")),
                            Optional.empty()),
                    new HealthPage.Row(
                            "Old Blog",
                            URI.create("https://old.example.org/feed"),
                            "gone",
                            Optional.of("410: gone"),
                            Optional.of("remove its section"),
                            0,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()),
                    new HealthPage.Row(
                            "Local",
                            URI.create("feeds/local.atom"),
                            "ok",
                            Optional.empty(),
                            Optional.empty(),
                            0,
                            Optional.of(NOW),
                            Optional.of(NOW.minusSeconds(60)),
                            Optional.of("2 entries without a date")),
                    new HealthPage.Row(
                            "Old Blog",
                            URI.create("https://old.example.org/other"),
                            "ok",
                            Optional.empty(),
                            Optional.empty(),
                            0,
                            Optional.of(NOW),
                            Optional.of(NOW),
                            Optional.empty())),
            List.of("https://lists.example.org/opml: 404: not found"));

    private static Document page(Locale locale) {
        var site = new Site(
                "Planet <Demo>",
                "",
                "",
                "",
                "Orrery test",
                new Strftime("%d %b %Y %H:%M", locale),
                new Strftime("%d %b %Y", locale),
                ZoneOffset.UTC,
                "utf-8",
                Optional.empty(),
                Optional.empty(),
                Map.of());
        return Jsoup.parse(new String(HealthPage.render(site, REPORT), StandardCharsets.UTF_8));
    }

    @Test
    void listsEverySubscriptionWithItsStateProblemAndTimes() {
        Document page = page(Locale.ENGLISH);

        assertThat(page.title()).isEqualTo("Feed status — Planet <Demo>");
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(page.select("tbody tr").eachAttr("class")).containsExactly("failing", "gone", "ok", "ok");
        var failing = page.getElementById("glyph-lefkowitz");
        assertThat(failing).isNotNull();
        assertThat(failing.select("td").eachText())
                .containsExactly(
                        "Glyph <Lefkowitz> https://glyph.example.net/rss",
                        "failing",
                        "not a feed: root element <html>",
                        "3",
                        "01 Sep 2017 10:00",
                        "20 Sep 2017 07:00");
        assertThat(page.select("#old-blog td").eachText())
                .containsExactly(
                        "Old Blog https://old.example.org/feed",
                        "gone",
                        "410: gone What to do: remove its section",
                        "0",
                        "never",
                        "never");
        assertThat(page.select("#local td").get(2).text()).isEqualTo("2 entries without a date");
        assertThat(page.select("#local td").get(5).text()).isEqualTo("next run");
        assertThat(page.select("a[href=health.json]")).hasSize(1);
        assertThat(page.select("h2 + ul li").text()).isEqualTo("https://lists.example.org/opml: 404: not found");
    }

    @Test
    void aFeedThatIsALocalFileIsNotALinkAndNamesSharedByTwoGetTwoIds() {
        Document page = page(Locale.ENGLISH);

        assertThat(page.select("#local .url").is("a")).isFalse();
        assertThat(page.select("#glyph-lefkowitz a.url").attr("href")).isEqualTo("https://glyph.example.net/rss");
        assertThat(page.select("tbody tr").eachAttr("id"))
                .containsExactly("glyph-lefkowitz", "old-blog", "local", "old-blog-2");
        assertThat(HealthPage.anchor("Glyph <Lefkowitz>")).isEqualTo(TemplateModel.cssId("Glyph <Lefkowitz>"));
    }

    @Test
    void isWrittenInThePlanetsLanguage() {
        Document page = page(Locale.GERMANY);

        assertThat(page.select("html").attr("lang")).isEqualTo("de");
        assertThat(page.select("thead th").eachText())
                .containsExactly(
                        "Abonnement",
                        "Zustand",
                        "Problem",
                        "Fehlschläge in Folge",
                        "Zuletzt erfolgreich",
                        "Nächster Abruf");
        assertThat(page.select("tbody .state").eachText())
                .containsExactly("fehlerhaft", "entfernt", "in Ordnung", "in Ordnung");
        assertThat(page.select("td[data-label]").first().attr("data-label")).isEqualTo("Abonnement");
    }
}
