package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.Post;
import org.orrery.model.River;

/** The front page, numbered pages and monthly archives, rendered from a river and read back as a browser would. */
class SitePagesRenderingTest {
    private static final Instant NOW = Instant.parse("2017-12-31T12:00:00Z");
    private static final Channel CHANNEL = new Channel(
            URI.create("https://a.example/feed"),
            "A. Author",
            Optional.of(URI.create("https://a.example/")),
            Optional.of(NOW),
            Optional.empty(),
            Optional.empty(),
            Map.of("face", "faces/a.png"));

    @TempDir
    Path dir;

    private static Site site(Locale locale, String newDateFormat) {
        return new Site(
                "Planet Test",
                "https://planet.example.org/",
                "Owner",
                "",
                "Orrery test",
                new Strftime("%d %B %Y %H:%M", locale),
                new Strftime(newDateFormat, locale),
                ZoneOffset.UTC,
                "utf-8",
                Optional.empty(),
                Optional.empty(),
                Map.of());
    }

    /** Two posts a day on the 1st, 10th and 20th of September to December 2017: 24 posts. */
    private static River river() {
        var posts = new ArrayList<Post>();
        for (int month = 12; month >= 9; month--) {
            for (int day : new int[] {20, 10, 1}) {
                for (int hour : new int[] {18, 9}) {
                    Instant at = Instant.parse("2017-%02d-%02dT%02d:00:00Z".formatted(month, day, hour));
                    String key = "post-" + at;
                    posts.add(new Post(
                            new Entry(
                                    key,
                                    "Post of " + at,
                                    Optional.of(URI.create("https://a.example/" + month + "/" + day + "/" + hour)),
                                    Optional.empty(),
                                    Optional.of(at),
                                    Optional.empty(),
                                    "<p>Text of " + at + "</p>",
                                    Optional.empty(),
                                    List.of(),
                                    List.of()),
                            CHANNEL,
                            at));
                }
            }
        }
        return new River(posts, List.of(CHANNEL));
    }

    private static River slice(River river, int from, int to) {
        return new River(river.posts().subList(from, to), river.channels());
    }

    /** What Planet.publish writes, from a river in memory instead of the store. */
    private static Map<String, byte[]> publish(SiteRenderer renderer, River all, int itemsPerPage, int daysPerPage) {
        List<Instant> dates = all.posts().stream().map(Post::date).toList();
        SitePages plan = SitePages.plan(dates, ZoneOffset.UTC, itemsPerPage, daysPerPage);
        var files = new LinkedHashMap<String, byte[]>();
        for (SitePages.Page page : plan.pages().subList(1, plan.pages().size())) {
            files.put(page.path(), renderer.renderPage(slice(all, page.from(), page.to()), plan.navigation(page), NOW));
        }
        for (SitePages.Month month : plan.months()) {
            files.put(
                    month.path(),
                    renderer.renderPage(slice(all, month.from(), month.to()), plan.navigation(month), NOW));
        }
        files.put(
                plan.archiveIndex().path(),
                renderer.renderPage(new River(List.of(), all.channels()), plan.archiveIndex(), NOW));
        SitePages.Page first = plan.pages().getFirst();
        River newest = slice(all, 0, Math.min(itemsPerPage, all.posts().size()));
        files.putAll(renderer.render(newest, slice(all, first.from(), first.to()), plan.navigation(first), NOW));
        files.put("faces/a.png", new byte[0]);
        return files;
    }

    private static Document html(Map<String, byte[]> files, String path) {
        assertThat(files).containsKey(path);
        return Jsoup.parse(new String(files.get(path), StandardCharsets.UTF_8));
    }

    private static List<String> entryLinks(Document page) {
        // Full entries on pages, headlines in monthly archives.
        return page.select("article.h-entry h3 > a, li.h-entry > a.p-name").eachAttr("href");
    }

    @Test
    void pagesHoldItemsPerPageEntriesAndTheFeedsOnlyTheNewest() {
        var files = publish(new SiteRenderer(site(Locale.ENGLISH, "%B %d, %Y")), river(), 10, 0);
        assertThat(entryLinks(html(files, "index.html"))).hasSize(10);
        assertThat(entryLinks(html(files, "page/2/index.html"))).hasSize(10);
        assertThat(entryLinks(html(files, "page/3/index.html"))).hasSize(4);
        assertThat(files).doesNotContainKey("page/4/index.html");
        assertThat(new String(files.get("atom.xml"), StandardCharsets.UTF_8).split("<entry>"))
                .hasSize(11);
        assertThat(html(files, "index.html").select("a[rel=next]").attr("href")).isEqualTo("page/2/index.html");
        assertThat(html(files, "page/3/index.html").select("a[rel=next]")).isEmpty();
        assertThat(html(files, "page/3/index.html").select("a[rel=prev]").attr("href"))
                .isEqualTo("../../page/2/index.html");
    }

    @Test
    void withDaysPerPageThePageEndsAtADayAndTheFeedsStillCarryItemsPerPage() {
        // 2 posts a day, 3 days a page at most, 5 posts at most: pages of 2 days
        var files = publish(new SiteRenderer(site(Locale.ENGLISH, "%B %d, %Y")), river(), 5, 3);
        var front = html(files, "index.html");
        assertThat(entryLinks(front)).hasSize(4);
        assertThat(front.select("section.day > h2").eachText())
                .containsExactly("December 20, 2017", "December 10, 2017");
        assertThat(files).containsKey("page/6/index.html").doesNotContainKey("page/7/index.html");
        assertThat(new String(files.get("rss20.xml"), StandardCharsets.UTF_8).split("<item>"))
                .hasSize(6);
    }

    @Test
    void everyEntryIsOnExactlyOnePageAndInExactlyOneMonth() {
        var all = river();
        var files = publish(new SiteRenderer(site(Locale.ENGLISH, "%B %d, %Y")), all, 7, 0);
        var onPages = new ArrayList<String>();
        for (int n = 1; files.containsKey(n == 1 ? "index.html" : "page/" + n + "/index.html"); n++) {
            onPages.addAll(entryLinks(html(files, n == 1 ? "index.html" : "page/" + n + "/index.html")));
        }
        var inMonths = new ArrayList<String>();
        for (String month : List.of("12", "11", "10", "09")) {
            inMonths.addAll(entryLinks(html(files, "archive/2017/" + month + "/index.html")));
        }
        List<String> expected = all.posts().stream()
                .map(p -> p.entry().link().orElseThrow().toString())
                .toList();
        assertThat(onPages).containsExactlyElementsOf(expected);
        assertThat(inMonths).containsExactlyElementsOf(expected);
    }

    @Test
    void theArchiveIndexListsMonthsWithTheirCounts() {
        var files = publish(new SiteRenderer(site(Locale.ENGLISH, "%B %d, %Y")), river(), 10, 0);
        var archive = html(files, "archive/index.html");
        assertThat(archive.select("section.archive li").eachText())
                .containsExactly("December 2017 (6)", "November 2017 (6)", "October 2017 (6)", "September 2017 (6)");
        assertThat(archive.select("section.archive a").eachAttr("href"))
                .containsExactly(
                        "../archive/2017/12/index.html",
                        "../archive/2017/11/index.html",
                        "../archive/2017/10/index.html",
                        "../archive/2017/09/index.html");
        var november = html(files, "archive/2017/11/index.html");
        assertThat(november.select("a[rel=prev]").attr("href")).isEqualTo("../../../archive/2017/12/index.html");
        assertThat(november.select("a[rel=next]").attr("href")).isEqualTo("../../../archive/2017/10/index.html");
    }

    @Test
    void everyRelativeLinkOfEveryPageReachesAPublishedFile() {
        var files = publish(new SiteRenderer(site(Locale.ENGLISH, "%B %d, %Y")), river(), 5, 0);
        int checked = 0;
        for (String path : files.keySet()) {
            if (!path.endsWith(".html")) {
                continue;
            }
            Document page = html(files, path);
            var targets = new ArrayList<String>();
            targets.addAll(page.select("a[href], link[href]").eachAttr("href"));
            targets.addAll(page.select("img[src]").eachAttr("src"));
            for (String target : targets) {
                URI resolved = URI.create("file:///site/" + path).resolve(target);
                if (!"file".equals(resolved.getScheme())) {
                    continue; // an entry's own link, or the subscription's site
                }
                String file = resolved.getPath().substring("/site/".length());
                if (file.equals(ReaderPages.PEOPLE) || file.startsWith("feeds/") || file.startsWith("tags/")) {
                    continue; // the publisher makes the reader pages (publish.ReaderSiteTest follows their links)
                }
                assertThat(files).as("%s links to %s", path, target).containsKey(file);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void monthAndDayNamesFollowTheLocale() {
        var german = publish(new SiteRenderer(site(Locale.GERMAN, "%A, %d. %B %Y")), river(), 60, 0);
        assertThat(html(german, "index.html").select("section.day > h2").eachText())
                .startsWith("Mittwoch, 20. Dezember 2017")
                .contains("Freitag, 1. September 2017".replace("1.", "01."));
        assertThat(html(german, "archive/index.html")
                        .select("section.archive a")
                        .eachText())
                .containsExactly("Dezember 2017", "November 2017", "Oktober 2017", "September 2017");
        assertThat(html(german, "index.html")
                        .select("time.dt-published")
                        .first()
                        .text())
                .isEqualTo("20 Dezember 2017 18:00");

        var french = publish(new SiteRenderer(site(Locale.FRENCH, "%A %d %B %Y")), river(), 60, 0);
        assertThat(html(french, "index.html").select("section.day > h2").eachText())
                .contains("vendredi 01 septembre 2017", "mercredi 20 décembre 2017");
        assertThat(html(french, "archive/index.html")
                        .select("section.archive a")
                        .eachText())
                .contains("septembre 2017");
    }

    @Test
    void thePublishedPagesAreValidHtml() throws Exception {
        var files = publish(new SiteRenderer(site(Locale.ENGLISH, "%B %d, %Y")), river(), 10, 0);
        for (String path :
                List.of("index.html", "page/2/index.html", "archive/index.html", "archive/2017/09/index.html")) {
            assertThat(HtmlValidity.errors(files.get(path))).as(path).isEmpty();
        }
    }

    @Test
    void aThemeWrittenForTheTopDirectoryGetsABaseOnNestedPages() throws Exception {
        Files.writeString(
                dir.resolve("index.html.tmpl"),
                "<!DOCTYPE html><html><head><title><TMPL_VAR name></title>"
                        + "<link rel=\"stylesheet\" href=\"planet.css\"></head><body>"
                        + "<TMPL_LOOP Items><p><TMPL_VAR title></p></TMPL_LOOP>"
                        + "<TMPL_IF next_page><a href=\"<TMPL_VAR next_page>\">older</a></TMPL_IF></body></html>");
        Files.writeString(
                dir.resolve("root.html.tmpl"),
                "<html><head><link rel=\"stylesheet\" href=\"<TMPL_VAR root>planet.css\"></head></html>");
        Theme theme = Theme.load(List.of("index.html.tmpl", "root.html.tmpl"), List.of(dir), List.of());
        var files = publish(new SiteRenderer(site(Locale.ENGLISH, "%B %d, %Y"), theme), river(), 10, 0);

        var second = html(files, "page/2/index.html");
        assertThat(second.select("base").attr("href")).isEqualTo("../../");
        assertThat(second.select("p")).hasSize(10);
        // Under the base, the page's links are written from the top directory.
        assertThat(second.select("a").attr("href")).isEqualTo("page/3/index.html");
        assertThat(html(files, "index.html").select("base")).isEmpty();
        assertThat(theme.usesRoot("root.html")).contains(true);
        assertThat(theme.usesRoot("index.html")).contains(false);
    }
}
