package org.orrery.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;
import org.orrery.render.Theme;
import org.orrery.store.JdbcStore;
import org.orrery.store.Refresh;

/**
 * The default theme's reader pages as published: a page per feed and per category, the people
 * page and the search page with its index, linked from the river, working from disk, escaping
 * what feeds name, and rewritten only when what they list changed.
 */
class ReaderSiteTest {
    private static final URI ALICE = URI.create("https://alice.example/feed.xml");
    private static final URI BOB = URI.create("https://bob.example/atom");
    private static final String HOSTILE = "<script>alert('name')</script> Bob & \"Co\"";
    private static final String HOSTILE_TAG = "<img src=x onerror=alert(1)>";
    private static final Instant NOW = Instant.parse("2017-12-31T12:00:00Z");
    private static final Publisher.Health HEALTHY = new Publisher.Health(
            Map.of(),
            new byte[0],
            new org.orrery.render.HealthPage.Report(Instant.EPOCH, java.util.List.of(), java.util.List.of()));

    @TempDir
    Path dir;

    private PlanetConfig config(String extra) throws Exception {
        Path file = dir.resolve("config.ini");
        Files.writeString(
                file,
                "[Planet]\nname = Planet Test\nitems_per_page = 3\n\n[" + ALICE
                        + "]\nname = Alice Liddell\nface = alice.png\n\n[" + BOB + "]\nname = " + HOSTILE + "\n"
                        + extra);
        return ConfigLoader.load(List.of(file), dir);
    }

    private static Entry entry(String key, String title, String author, Instant at, String body, String... tags) {
        return new Entry(
                key,
                title,
                Optional.of(URI.create("https://posts.example/" + key)),
                Optional.ofNullable(author),
                Optional.of(at),
                Optional.empty(),
                body,
                Optional.empty(),
                List.of(tags),
                List.of());
    }

    private static Instant day(int n) {
        return Instant.parse("2017-12-01T10:00:00Z").plusSeconds(86_400L * n);
    }

    private static List<Entry> aliceEntries() {
        var entries = new ArrayList<Entry>();
        for (int i = 0; i < 6; i++) {
            entries.add(entry(
                    "a" + i,
                    "Alice post " + i,
                    "Alice Liddell",
                    day(20 - 2 * i),
                    "<p>Down the rabbit hole, part " + i + ".</p>",
                    "Python",
                    i % 2 == 0 ? "Web Development" : "web_development"));
        }
        return entries;
    }

    private static List<Entry> bobEntries() {
        return List.of(
                entry(
                        "b1",
                        "Bob on quokkas",
                        "Robert Paulson",
                        day(19),
                        "<p>The quokka smiles at everyone.</p>",
                        "C++",
                        HOSTILE_TAG),
                entry("b2", "Bob again", null, day(5), "<p>Nothing much.</p>", "C"));
    }

    private static void save(JdbcStore store, URI feed, List<Entry> entries) {
        store.save(new Refresh.Fetched(
                feed,
                NOW,
                Validators.NONE,
                OptionalInt.of(200),
                new FeedInfo(Optional.of("Feed title"), Optional.of(URI.create("https://site.example/"))),
                entries));
    }

    private Publisher.ReaderCounts publish(PlanetConfig config, JdbcStore store) throws Exception {
        var publisher = new Publisher(config, store, InstantSource.fixed(NOW), Publisher.site(config));
        publisher.publish(config.subscriptions(), HEALTHY, Theme.DEFAULT);
        return publisher.lastReaderPages();
    }

    private Path out() {
        return dir.resolve("output");
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(out().resolve(path));
    }

    private static String feedPage(URI feed) {
        return "feeds/" + org.orrery.render.Slugs.feed(feed) + "/index.html";
    }

    @Test
    void everyReaderPageIsPublishedAndLinkedFromTheRiver() throws Exception {
        PlanetConfig config = config("");
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            save(store, ALICE, aliceEntries());
            save(store, BOB, bobEntries());
            publish(config, store);
        }

        Document alice = page(feedPage(ALICE));
        assertThat(alice.select("h2.p-name").text()).isEqualTo("Alice Liddell");
        assertThat(alice.select("li.h-entry a.p-name").eachText())
                .containsExactly(
                        "Alice post 0", "Alice post 1", "Alice post 2", "Alice post 3", "Alice post 4", "Alice post 5");
        assertThat(alice.select("ul.feed-links a").eachAttr("href")).contains(ALICE.toString());
        assertThat(alice.select("img.avatar").attr("src"))
                .as("a relative face is a file of the site")
                .isEqualTo("../../alice.png");

        Document python = page("tags/python/index.html");
        assertThat(python.select("h2").text()).contains("Python");
        assertThat(python.select("li.h-entry a.p-name.u-url").eachText()).contains("Alice post 0");
        assertThat(page("tags/web-development/index.html").select("li.h-entry"))
                .as("Web Development and web_development are one category")
                .hasSize(6);
        assertThat(out().resolve("tags/c-plus-plus/index.html")).exists();
        assertThat(page("tags/c/index.html").select("li.h-entry a.p-name.u-url").eachText())
                .as("C is not C++")
                .containsExactly("Bob again");

        Document people = page("people/index.html");
        assertThat(people.select("ul.people li")).hasSize(2);
        assertThat(people.select("ul.people li .initials").text())
                .as("a subscription without a face gets its initials")
                .isEqualTo("SA");
        assertThat(out().resolve("search.html")).exists();
        assertThat(out().resolve("search-index.js")).exists();

        Document front = page("index.html");
        assertThat(front.select("nav.reader-nav a").eachAttr("href"))
                .contains("people/index.html", "archive/index.html");
        assertThat(front.select("nav.reader-nav form.search").attr("action")).isEqualTo("search.html");
        assertThat(front.select("article .entry-links a[rel=tag]").eachText()).contains("Python", "C++");
        assertThat(page("page/2/index.html").select(".entry-links a[rel=tag]").eachAttr("href"))
                .allMatch(href -> href.startsWith("../../tags/"));
    }

    @Test
    void everyLinkOfEveryPageReachesAFileOnDisk() throws Exception {
        PlanetConfig config = config("");
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            save(store, ALICE, aliceEntries());
            save(store, BOB, bobEntries());
            publish(config, store);
        }
        assertThat(linksOfEveryPage()).contains("people/index.html", "search.html", feedPage(ALICE), feedPage(BOB));
    }

    @Test
    void readerPagesNoPublishesNoneOfThemAndRemovesThoseOfBefore() throws Exception {
        PlanetConfig config = config("");
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            save(store, ALICE, aliceEntries());
            save(store, BOB, bobEntries());
            publish(config, store);
            assertThat(out().resolve(feedPage(ALICE))).exists();
            Path file = dir.resolve("config.ini");
            Files.writeString(file, Files.readString(file).replace("[Planet]\n", "[Planet]\nreader_pages = no\n"));
            PlanetConfig without = ConfigLoader.load(List.of(file), dir);

            publish(without, store);
        }

        assertThat(out().resolve("feeds"))
                .as("the pages per feed of the first publishing")
                .doesNotExist();
        assertThat(out().resolve("tags")).doesNotExist();
        assertThat(out().resolve("people/index.html")).doesNotExist();
        assertThat(out().resolve("search.html")).doesNotExist();
        assertThat(out().resolve("search-index.js")).doesNotExist();
        assertThat(linksOfEveryPage())
                .contains("index.html", "page/2/index.html")
                .noneMatch(page -> page.startsWith("feeds/") || page.startsWith("tags/"));
        Document front = page("index.html");
        assertThat(front.select("article h3 a, article h4 a").eachText()).contains("Alice post 0");
        assertThat(front.select("a[href*=feeds/], a[href*=tags/], a[href*=people/], form[action*=search]"))
                .isEmpty();
    }

    /**
     * The site's HTML pages, by path under the output directory, once each link of each of them
     * was checked to reach a file on disk.
     */
    private List<String> linksOfEveryPage() throws Exception {
        Files.writeString(out().resolve("alice.png"), "a face");
        List<Path> pages;
        try (Stream<Path> files = Files.walk(out())) {
            pages = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        for (Path html : pages) {
            Document doc = Jsoup.parse(html);
            for (Element link : doc.select("a[href], link[href], script[src], img[src], form[action]")) {
                String target = link.hasAttr("href")
                        ? link.attr("href")
                        : link.hasAttr("src") ? link.attr("src") : link.attr("action");
                if (target.contains(":") || target.startsWith("#")) {
                    continue; // another site, or a place in the page
                }
                String file = URLDecoder.decode(target.replaceFirst("[#?].*", ""), StandardCharsets.UTF_8);
                assertThat(html.getParent().resolve(file).normalize())
                        .as("%s links to %s", out().relativize(html), target)
                        .isRegularFile();
            }
        }
        return pages.stream().map(p -> out().relativize(p).toString()).toList();
    }

    @Test
    void namesAndCategoriesFromFeedsAreEscaped() throws Exception {
        PlanetConfig config = config("");
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            save(store, ALICE, aliceEntries());
            save(store, BOB, bobEntries());
            publish(config, store);
        }
        String hostileTag = "tags/" + org.orrery.render.Slugs.tag(HOSTILE_TAG) + "/index.html";
        assertThat(hostileTag).matches("tags/img-src-x-onerror-alert-1/index.html");
        for (String path : List.of(feedPage(BOB), "people/index.html", hostileTag, "index.html")) {
            Document doc = page(path);
            assertThat(doc.select("script:not([src])")).as(path).isEmpty();
            assertThat(doc.select("body img[onerror]")).as(path).isEmpty();
            assertThat(doc.text()).as(path).contains(path.startsWith("tags/") ? HOSTILE_TAG : HOSTILE);
        }
        assertThat(Files.readString(out().resolve("search-index.js")))
                .doesNotContain("<script>")
                .contains("\\\"Co\\\"");
    }

    @Test
    void slugsStayWhenSubscriptionsComeAndGo() throws Exception {
        PlanetConfig config = config("");
        String alice = feedPage(ALICE);
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            save(store, ALICE, aliceEntries());
            save(store, BOB, bobEntries());
            publish(config, store);
            assertThat(out().resolve(alice)).exists();
            URI carol = URI.create("https://carol.example/alice.example/feed.xml");
            PlanetConfig more = config("\n[" + carol + "]\nname = Alice Liddell\n");
            save(store, carol, List.of(entry("c1", "Carol", null, day(3), "<p>x</p>")));
            publish(more, store);
            assertThat(out().resolve(alice)).exists();
            assertThat(feedPage(carol)).isNotEqualTo(alice);
            assertThat(out().resolve(feedPage(carol))).exists();
            assertThat(alice).isEqualTo("feeds/alice-example-feed-xml-" + sha8(ALICE) + "/index.html");
        }
    }

    private static String sha8(URI uri) {
        return org.orrery.model.Sha256.hex(uri.toString()).substring(0, 8);
    }

    @Test
    void pagesThatCannotHaveChangedAreNeitherRenderedNorWritten() throws Exception {
        PlanetConfig config = config("");
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            save(store, ALICE, aliceEntries());
            save(store, BOB, bobEntries());
            Publisher.ReaderCounts first = publish(config, store);
            assertThat(first.feedsWritten()).isEqualTo(2);
            assertThat(first.tagsWritten()).isPositive();
            Path alice = out().resolve(feedPage(ALICE));
            Path python = out().resolve("tags/python/index.html");
            var aliceTime = Files.getLastModifiedTime(alice);
            var pythonTime = Files.getLastModifiedTime(python);

            Publisher.ReaderCounts again = publish(config, store);
            assertThat(again.feedsRendered()).as("nothing changed").isZero();
            assertThat(again.tagsRendered()).isZero();
            assertThat(again.feedsWritten() + again.tagsWritten()).isZero();

            // Bob posts again: his page and his categories' change; Alice's page does not.
            var bob = new ArrayList<>(bobEntries());
            bob.addFirst(entry("b3", "Bob returns", null, day(25), "<p>Back.</p>", "C++"));
            save(store, BOB, bob);
            Publisher.ReaderCounts third = publish(config, store);
            assertThat(third.feedsRendered()).isEqualTo(1);
            assertThat(third.feedsWritten()).isEqualTo(1);
            assertThat(page(feedPage(BOB)).select("li.h-entry a.p-name").eachText())
                    .startsWith("Bob returns");
            assertThat(page("tags/c-plus-plus/index.html").text()).contains("Bob returns");
            assertThat(Files.getLastModifiedTime(alice)).isEqualTo(aliceTime);
            assertThat(Files.getLastModifiedTime(python)).isEqualTo(pythonTime);
        }
    }

    @Test
    void thePeoplePageIsRenderedAgainOnlyWhenSomeoneItListsChanged() throws Exception {
        PlanetConfig config = config("");
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            save(store, ALICE, aliceEntries());
            save(store, BOB, bobEntries());
            assertThat(publish(config, store).peopleRendered()).isTrue();

            var bob = new ArrayList<>(bobEntries());
            bob.addFirst(entry("b3", "Bob returns", null, day(25), "<p>Back.</p>"));
            save(store, BOB, bob);
            assertThat(publish(config, store).peopleRendered())
                    .as("a new post changes no one's name or face")
                    .isFalse();

            PlanetConfig renamed = ConfigLoader.load(
                    List.of(Files.writeString(
                            dir.resolve("config.ini"),
                            Files.readString(dir.resolve("config.ini")).replace("Alice Liddell", "Alice Pleasance"))),
                    dir);
            assertThat(publish(renamed, store).peopleRendered()).isTrue();
            assertThat(page("people/index.html").select("ul.people li").text()).contains("Alice Pleasance");

            Files.delete(out().resolve("people/index.html"));
            assertThat(publish(renamed, store).peopleRendered())
                    .as("a missing page")
                    .isTrue();
            assertThat(out().resolve("people/index.html")).exists();
        }
    }

    @Test
    void aRemovedEntryRendersItsFeedsPageAgain() throws Exception {
        PlanetConfig config = config("");
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            save(store, ALICE, aliceEntries());
            save(store, BOB, bobEntries());
            publish(config, store);
            assertThat(page(feedPage(BOB)).text()).contains("Bob again");
            // Bob's old entry leaves his feed and the store; nothing else marks his feed.
            save(store, BOB, bobEntries().subList(0, 1));
            var keepOne = new org.orrery.store.Expiry.Rule(1, Optional.empty());
            var keepAll = new org.orrery.store.Expiry.Rule(100, Optional.empty());
            store.expunge(new org.orrery.store.Expiry(Map.of(BOB, keepOne, ALICE, keepAll), false));
            publish(config, store);
            assertThat(page(feedPage(BOB)).text()).doesNotContain("Bob again");
        }
    }
}
