package org.orrery.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.filter.Entries.NOW;
import static org.orrery.filter.Entries.entry;
import static org.orrery.filter.Entries.kept;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.model.Entry;

/** The entry point, driven by small configs as a maintainer writes them. */
class EntryFiltersTest {
    @TempDir
    Path dir;

    private EntryFilters filters(String config) throws Exception {
        PlanetConfig planet = load(config);
        return EntryFilters.forSubscription(planet, planet.subscriptions().get(0));
    }

    private PlanetConfig load(String text) throws IOException, org.orrery.config.ConfigException {
        return ConfigLoader.load(List.of(Files.writeString(dir.resolve("config.ini"), text)), dir);
    }

    @Test
    void noOptionsKeepsTheEntryAsItIs() throws Exception {
        Entry e = entry("Hello", "<p>Hi</p>");
        assertThat(filters("[Planet]\n[http://a/]\n").apply(e, NOW, NOW)).isEqualTo(new Verdict.Kept(e));
    }

    @Test
    void filterAndExcludeDropEntriesByTheirText() throws Exception {
        EntryFilters f = filters("[Planet]\nfilter = Python\n[http://a/]\nexclude = Ruby\n");
        assertThat(f.apply(entry("Python 3.13", "<p>news</p>"), NOW, NOW)).isInstanceOf(Verdict.Kept.class);
        assertThat(f.apply(entry("Java", "<p>news</p>"), NOW, NOW))
                .isInstanceOfSatisfying(
                        Verdict.Dropped.class, d -> assertThat(d.reason()).contains("Python"));
        assertThat(f.apply(entry("Python and Ruby", ""), NOW, NOW)).isInstanceOf(Verdict.Dropped.class);
    }

    @Test
    void subscriptionFilterReplacesThePlanetOne() throws Exception {
        EntryFilters f = filters("[Planet]\nfilter = Python\n[http://a/]\nfilter = Clojure\n");
        assertThat(f.apply(entry("Clojure", ""), NOW, NOW)).isInstanceOf(Verdict.Kept.class);
        assertThat(f.apply(entry("Python", ""), NOW, NOW)).isInstanceOf(Verdict.Dropped.class);
    }

    @Test
    void ignoreInFeedDropsTheNamedFields() throws Exception {
        Entry e = new Entry(
                "urn:uuid:1",
                "T",
                Optional.of(java.net.URI.create("http://example.org/p")),
                Optional.of("Bob"),
                Optional.of(Instant.parse("2024-01-01T00:00:00Z")),
                Optional.of(Instant.parse("2024-04-01T00:00:00Z")),
                "<p>x</p>",
                Optional.empty(),
                List.of("a"),
                List.of());
        Entry out = kept(filters("[Planet]\n[http://a/]\nignore_in_feed = updated author id xml:lang\n")
                .apply(e, NOW, NOW));
        assertThat(out.updated()).isEmpty();
        assertThat(out.author()).isEmpty();
        assertThat(out.key()).isEqualTo("http://example.org/p");
        assertThat(out.published()).isEqualTo(e.published());
    }

    @Test
    void typeForcingRereadsTitlesNamesAndBodies() throws Exception {
        Entry e = new Entry(
                "k",
                "<b>Bold</b> &amp; title",
                Optional.empty(),
                Optional.of("<a href=\"x\">Carol</a>"),
                Optional.empty(),
                Optional.empty(),
                "&lt;p&gt;escaped &lt;script&gt;x&lt;/script&gt;&lt;/p&gt;",
                Optional.of("<p>summary</p>"),
                List.of(),
                List.of());
        Entry out = kept(filters("[Planet]\n[http://a/]\ntitle_type = html\nname_type = html\ncontent_type = html\n"
                        + "summary_type = text\n")
                .apply(e, NOW, NOW));
        assertThat(out.title()).isEqualTo("Bold & title");
        assertThat(out.author()).contains("Carol");
        assertThat(out.contentHtml()).isEqualTo("<p>escaped </p>");
        assertThat(out.summaryHtml()).contains("&lt;p&gt;summary&lt;/p&gt;");
    }

    @Test
    void futureDatesIgnoreDateShowsTheFirstSeenTimeUntilTheDatePasses() throws Exception {
        EntryFilters f = filters("[Planet]\nfuture_dates = ignore_date\n[http://a/]\n");
        Instant future = NOW.plusSeconds(86_400);
        Instant seen = NOW.minusSeconds(60);
        Entry e = new Entry(
                "k",
                "T",
                Optional.empty(),
                Optional.empty(),
                Optional.of(future),
                Optional.of(future),
                "",
                Optional.empty(),
                List.of(),
                List.of());
        Entry out = kept(f.apply(e, NOW, seen));
        assertThat(out.published()).contains(seen);
        assertThat(out.updated()).contains(seen);
        assertThat(kept(f.apply(e, future.plusSeconds(1), seen)).published()).contains(future);
    }

    @Test
    void futureDatesIgnoreEntryHidesItUntilThen() throws Exception {
        EntryFilters f = filters("[Planet]\n[http://a/]\nfuture_dates = ignore_entry\n");
        Entry e = new Entry(
                "k",
                "T",
                Optional.empty(),
                Optional.empty(),
                Optional.of(NOW.plusSeconds(5)),
                Optional.empty(),
                "",
                Optional.empty(),
                List.of(),
                List.of());
        assertThat(f.apply(e, NOW, NOW)).isInstanceOf(Verdict.Dropped.class);
        assertThat(f.apply(e, NOW.plusSeconds(10), NOW)).isInstanceOf(Verdict.Kept.class);
        assertThat(filters("[Planet]\n[http://a/]\n").apply(e, NOW, NOW)).isInstanceOf(Verdict.Kept.class);
    }

    @Test
    void newFeedItemsHidesAllButTheFirstEntriesOfANewFeed() throws Exception {
        EntryFilters f = filters("[Planet]\nnew_feed_items = 1\nfilter = keep\n[http://a/]\n");
        List<Entry> entries = List.of(entry("keep 1", ""), entry("drop", ""), entry("keep 3", ""));
        List<Verdict> first = f.apply(entries, NOW, e -> NOW, true);
        assertThat(first.get(0)).isInstanceOf(Verdict.Kept.class);
        assertThat(first.get(1)).isInstanceOf(Verdict.Dropped.class);
        assertThat(first.get(2)).isInstanceOf(Verdict.Hidden.class);
        assertThat(f.apply(entries, NOW, e -> NOW, false).get(2)).isInstanceOf(Verdict.Kept.class);
    }

    @Test
    void filtersRunPlanetWideFirstWithParametersFromTheirSection() throws Exception {
        EntryFilters f = filters("[Planet]\nfilters = minhead.py\n[minhead.py]\nmin = 2\n"
                + "[http://a/]\nfilters = excerpt.py?width=10\n");
        Entry out = kept(f.apply(entry("T", "<h1>Head</h1><p>one two three four</p>"), NOW, NOW));
        assertThat(out.contentHtml()).isEqualTo("<h2>Head</h2><p>one two three four</p>");
        assertThat(out.summaryHtml()).contains("<h2>Head</h2><p>one \u2026</p>");
    }

    @Test
    void aBlankWholeNumberParameterIsItsDefaultAsTheConfigCheckReadIt() throws Exception {
        EntryFilters f =
                filters("[Planet]\nfilters = minhead.py excerpt.py?width=\n[minhead.py]\nmin =\n[http://a/]\n");
        Entry out = kept(f.apply(entry("T", "<h1>Head</h1><p>one two</p>"), NOW, NOW));
        assertThat(out.contentHtml()).isEqualTo("<h3>Head</h3><p>one two</p>");
        assertThat(out.summaryHtml()).contains("<h3>Head</h3><p>one two</p>");
    }

    @Test
    void aFilterOrreryLacksLetsEntriesThrough() throws Exception {
        Entry e = entry("T", "<p>x</p>");
        assertThat(filters("[Planet]\nfilters = mememe.plugin\n[http://a/]\n").apply(e, NOW, NOW))
                .isEqualTo(new Verdict.Kept(e));
    }

    @Test
    void notweetsDropsTwitterEntries() throws Exception {
        EntryFilters f = filters("[Planet]\nfilters = notweets.py\n[http://a/]\n");
        Entry tweet = new Entry(
                "tag:twitter.com,2007:http://twitter.com/a/statuses/1",
                "t",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "",
                Optional.empty(),
                List.of(),
                List.of());
        assertThat(f.apply(tweet, NOW, NOW)).isInstanceOf(Verdict.Dropped.class);
        assertThat(f.apply(entry("T", ""), NOW, NOW)).isInstanceOf(Verdict.Kept.class);
    }
}
