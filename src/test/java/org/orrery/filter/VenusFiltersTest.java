package org.orrery.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.filter.Entries.NOW;
import static org.orrery.filter.Entries.entry;
import static org.orrery.filter.Entries.kept;
import static org.orrery.filter.Entries.withSummary;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.config.FilterSpec;
import org.orrery.model.Entry;

/** Each of Venus's shipped filters, as Orrery provides it. */
class VenusFiltersTest {
    private static EntryFilter filter(String written) {
        return EntryFilters.named(FilterSpec.parse(written, Map.of())).orElseThrow();
    }

    private static Entry run(String written, Entry e) {
        return kept(filter(written).apply(e, NOW, NOW));
    }

    @Test
    void everySupportedNameHasAFilter() {
        for (String name : FilterSpec.SUPPORTED) {
            assertThat(EntryFilters.named(new FilterSpec(name, Map.of())))
                    .as(name)
                    .isPresent();
        }
        assertThat(EntryFilters.named(new FilterSpec("mememe.plugin", Map.of())))
                .isEmpty();
    }

    @Test
    void entryTextKeepsAltAndTitleValuesAndDropsMarkup() {
        Entry e = entry(
                "A &amp; B",
                "<p>x<img src=\"http://i/\" alt=\"Clojure logo\">y<a title=\"t1\" href=\"http://h/\">z</a></p>");
        assertThat(EntryText.of(e)).isEqualTo("A &amp; B x Clojure logo y t1 z Alice news");
        assertThat(EntryText.of(e)).doesNotContain("http://");
    }

    @Test
    void regexpSifterRequiresEveryLineAndExcludesAny() {
        EntryFilter f = new RegexpSifter(Map.of("require", "Python\nrelease", "exclude", "beta"));
        assertThat(f.apply(entry("Python release", ""), NOW, NOW)).isInstanceOf(Verdict.Kept.class);
        assertThat(f.apply(entry("Python", ""), NOW, NOW)).isInstanceOf(Verdict.Dropped.class);
        assertThat(f.apply(entry("Python release beta", ""), NOW, NOW)).isInstanceOf(Verdict.Dropped.class);
        // Venus searches case-sensitively; (?i) works in both Python and Java.
        assertThat(new RegexpSifter(Map.of("require", "python")).apply(entry("Python", ""), NOW, NOW))
                .isInstanceOf(Verdict.Dropped.class);
        assertThat(new RegexpSifter(Map.of("require", "(?i)python")).apply(entry("Python", ""), NOW, NOW))
                .isInstanceOf(Verdict.Kept.class);
    }

    @Test
    void regexpSifterDoesNotSeeLinksOrIds() {
        EntryFilter f = new RegexpSifter(Map.of("require", "example"));
        assertThat(f.apply(entry("T", "<a href=\"http://example.org/\">link</a>"), NOW, NOW))
                .isInstanceOf(Verdict.Dropped.class);
    }

    @Test
    void xpathSifterTestsTheEntryAsAtom() {
        EntryFilter byCategory = filter("xpath_sifter.py?require=//atom:category[@term='news']");
        assertThat(byCategory.apply(entry("T", ""), NOW, NOW)).isInstanceOf(Verdict.Kept.class);
        EntryFilter noImages = new XPathSifter(Map.of("exclude", "//atom:content//xhtml:img"));
        assertThat(noImages.apply(entry("T", "<p><img src=\"http://i/\"></p>"), NOW, NOW))
                .isInstanceOf(Verdict.Dropped.class);
        assertThat(noImages.apply(entry("T", "<p>text</p>"), NOW, NOW)).isInstanceOf(Verdict.Kept.class);
        EntryFilter byAuthor = new XPathSifter(Map.of("require", "/atom:entry/atom:author/atom:name = 'Alice'"));
        assertThat(byAuthor.apply(entry("T", ""), NOW, NOW)).isInstanceOf(Verdict.Kept.class);
    }

    @Test
    void excerptPrefersTheSummaryAndLinksOmittedImages() {
        Entry e = withSummary(
                entry("T", "<p>full content</p>"), "<p>short <img src=\"http://i/x.png\" alt=\"pic\"> text</p>");
        assertThat(run("excerpt.py?omit=img", e).summaryHtml())
                .contains("<p>short <a href=\"http://i/x.png\">pic</a> text</p>");
        assertThat(run("excerpt.py?omit=img", e).contentHtml()).isEqualTo("<p>full content</p>");
        assertThat(run("excerpt.py?omit=p+img&width=12", entry("T", "<p>alpha beta gamma delta</p>"))
                        .summaryHtml())
                .contains("alpha beta \u2026");
        assertThat(run("excerpt.py", entry("T", "<p>short</p>")).summaryHtml()).contains("<p>short</p>");
    }

    @Test
    void excerptLeavesShortHtmlAloneAndKeepsEntitiesEscaped() {
        assertThat(run("excerpt.py?width=20", entry("T", "<p>Hello <b>world</b></p>"))
                        .summaryHtml())
                .contains("<p>Hello <b>world</b></p>");
        assertThat(run("excerpt.py?width=7", entry("T", "<p>a &lt;b&gt; &amp; c d e</p>"))
                        .summaryHtml())
                .contains("<p>a &lt;b&gt; &amp; \u2026</p>");
    }

    @Test
    void minheadDemotesHeadingsSoTheTopIsH3() {
        assertThat(run("minhead.py", entry("T", "<h1>a</h1><h2>b</h2><h6>c</h6>"))
                        .contentHtml())
                .isEqualTo("<h3>a</h3><h4>b</h4><h8>c</h8>");
        assertThat(run("minhead.py", entry("T", "<h2>b</h2>")).contentHtml()).isEqualTo("<h3>b</h3>");
        assertThat(run("minhead.py", entry("T", "<h4>d</h4>")).contentHtml()).isEqualTo("<h4>d</h4>");
        assertThat(run("minhead.py?min=1", entry("T", "<h2>b</h2>")).contentHtml())
                .isEqualTo("<h2>b</h2>");
    }

    @Test
    void feedburnerAdParagraphIsRemoved() {
        String ad = "<p><a href=\"http://feeds.feedburner.com/~a/Planet?a=Ab12\" rel=\"noopener noreferrer\">"
                + "<img src=\"http://feeds.feedburner.com/~a/Planet?i=Ab12\"></a></p>";
        assertThat(run("stripAd/feedburner.sed", entry("T", "<p>post</p>" + ad)).contentHtml())
                .isEqualTo("<p>post</p>");
        String link = "<p><a href=\"http://example.org/~a/x?a=1\">not an ad</a></p>";
        assertThat(run("stripAd/feedburner.sed", entry("T", link)).contentHtml())
                .isEqualTo(link);
    }

    @Test
    void googleAdMapParagraphIsRemoved() {
        String ad = "<p><img src=\"http://pagead2.googlesyndication.com/pagead/imgad?id=1\"></p>";
        assertThat(run("stripAd/google_ad_map.sed", entry("T", "<p>post</p>" + ad))
                        .contentHtml())
                .isEqualTo("<p>post</p>");
        String image = "<p><img src=\"http://example.org/a.png\"></p>";
        assertThat(run("stripAd/google_ad_map.sed", entry("T", image)).contentHtml())
                .isEqualTo(image);
    }

    @Test
    void yahooAdBetweenItsCommentsIsRemoved() {
        String ad = "<p><!-- begin(Yahoo ad) --><a href=\"http://ads/\">buy</a><!-- end(Yahoo ad) --></p>";
        assertThat(run("stripAd/yahoo.sed", entry("T", "<p>post</p>" + ad)).contentHtml())
                .isEqualTo("<p>post</p>");
    }

    @Test
    void h1titleUsesTheOnlyH1AsTitle() {
        Entry out = run("h1title.xslt", entry("Untitled", "<h1>Real  title</h1><p>body</p>"));
        assertThat(out.title()).isEqualTo("Real title");
        assertThat(out.contentHtml()).isEqualTo("<p>body</p>");
        Entry two = run("h1title.xslt", entry("Kept", "<h1>a</h1><h1>b</h1>"));
        assertThat(two.title()).isEqualTo("Kept");
        assertThat(two.contentHtml()).isEmpty();
    }

    @Test
    void detitleDropsLongTitlesThatRepeatTheContent() {
        String title = "This is a long title that repeats the content...";
        assertThat(run("detitle.xslt", entry(title, "<p>This is a long title that repeats the content of the post</p>"))
                        .title())
                .isEmpty();
        assertThat(run("detitle.xslt", entry(title, "<p>Something else</p>")).title())
                .isEqualTo(title);
        assertThat(run("detitle.xslt", entry("Short", "<p>Short</p>")).title()).isEqualTo("Short");
    }
}
