package org.orrery.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orrery.fetch.FetchResult;
import org.orrery.fetch.FetchSettings;
import org.orrery.fetch.Fetcher;
import org.orrery.fetch.HttpFetcher;
import org.orrery.model.Validators;

class FeedFinderTest {
    private final SiteServer site = new SiteServer();
    private final HttpFetcher fetcher = new HttpFetcher(FetchSettings.defaults().withTimeout(Duration.ofSeconds(10)));
    private final FeedFinder finder = new FeedFinder(fetcher, false);

    @AfterEach
    void stop() {
        fetcher.close();
        site.close();
    }

    @Test
    void aUrlWithoutASchemeIsTriedAsHttpsThenHttp() {
        assertThat(FeedFinder.addresses("example.org/blog"))
                .containsExactly(URI.create("https://example.org/blog"), URI.create("http://example.org/blog"));
        assertThat(FeedFinder.addresses("localhost:8080/feed"))
                .containsExactly(URI.create("https://localhost:8080/feed"), URI.create("http://localhost:8080/feed"));
        assertThat(FeedFinder.addresses("HTTP://Example.org")).containsExactly(URI.create("HTTP://Example.org/"));
        assertThat(FeedFinder.addresses("file:/srv/feeds/a.atom"))
                .containsExactly(URI.create("file:/srv/feeds/a.atom"));
        assertThat(FeedFinder.addresses("not a url")).isEmpty();
        assertThat(FeedFinder.addresses("https://exa mple.org/")).isEmpty();
        assertThat(FeedFinder.addresses("")).isEmpty();
    }

    @Test
    void aFeedIsItsOwnFeedNamedByItsTitle() {
        site.feed("/feed.xml", SiteServer.rss("Jane's notes"));

        var found = (Discovery.Found) finder.find(site.url("/feed.xml"));

        assertThat(found.route()).isEqualTo(Discovery.Route.THE_URL);
        assertThat(found.feeds())
                .containsExactly(new FoundFeed(URI.create(site.url("/feed.xml")), Optional.of("Jane's notes"), "RSS"));
    }

    @Test
    void announcedFeedsAreFetchedAndNamedByTheirOwnTitlesAndThoseThatAreNoFeedAreNoted() {
        site.html(
                        "/",
                        SiteServer.page(
                                "<link rel='alternate' type='application/atom+xml' title='Atom feed' href='/atom'>"
                                        + "<link rel='alternate' type='application/rss+xml' title='Comments' href='/comments.rss'>"
                                        + "<link rel='alternate' type='application/rss+xml' href='/gone.rss'>"
                                        + "<link rel='alternate' type='application/rss+xml' href='/'>",
                                ""))
                .feed("/atom", SiteServer.atom("Moshe's blog"))
                .feed("/comments.rss", SiteServer.rss("Comments on Moshe's blog"));

        var found = (Discovery.Found) finder.find(site.url("/"));

        assertThat(found.route()).isEqualTo(Discovery.Route.ANNOUNCED);
        assertThat(found.feeds())
                .extracting(f -> f.title().orElseThrow() + " (" + f.format() + ") " + f.uri())
                .containsExactly(
                        "Moshe's blog (Atom) " + site.url("/atom"),
                        "Comments on Moshe's blog (RSS) " + site.url("/comments.rss"));
        assertThat(found.notes()).singleElement().asString().contains(site.url("/gone.rss"), "404");
    }

    @Test
    void aPageThatAnnouncesNothingIsSearchedForLinksThatLookLikeFeeds() {
        site.html(
                        "/blog/",
                        SiteServer.page(
                                "",
                                "<a href='/about/'>About</a><a href='/sitemap.xml'>Sitemap</a>"
                                        + "<a href='/blog/2026/hello.html'>Hello</a>"
                                        + "<a href='/subscribe.php?x=1' title='RSS'>Subscribe</a>"
                                        + "<a href='/blog/index.rss'>Posts</a><a href='#top'>Top</a>"))
                .feed("/sitemap.xml", SiteServer.rss("not fetched: sitemaps are no feeds"))
                .feed("/subscribe.php?x=1", SiteServer.atom("Jane, all posts"))
                .feed("/blog/index.rss", SiteServer.rss("Jane, the blog"));

        var found = (Discovery.Found) finder.find(site.url("/blog/"));

        assertThat(found.route()).isEqualTo(Discovery.Route.LINKED);
        assertThat(found.feeds())
                .extracting(f -> f.title().orElseThrow())
                .containsExactly("Jane, all posts", "Jane, the blog");
        assertThat(site.requests()).containsExactly("/blog/", "/subscribe.php?x=1", "/blog/index.rss");
    }

    @Test
    void aPageWithNoFeedLinksIsLookedBesideAndAtTheRootOfItsSiteAtTheUsualPaths() {
        site.html("/blog/", SiteServer.page("", "<a href='/about/'>About</a>"))
                .feed("/index.xml", SiteServer.atom("Hugo site"))
                .feed("/feed.xml", SiteServer.atom("Jekyll site, not asked: one feed is enough"));

        var found = (Discovery.Found) finder.find(site.url("/blog/"));

        assertThat(found.route()).isEqualTo(Discovery.Route.USUAL_PATH);
        assertThat(found.feeds()).singleElement().satisfies(f -> {
            assertThat(f.uri()).hasToString(site.url("/index.xml"));
            assertThat(f.title()).contains("Hugo site");
        });
        assertThat(site.requests())
                .containsExactly(
                        "/blog/",
                        "/blog/feed/",
                        "/blog/atom.xml",
                        "/blog/rss.xml",
                        "/blog/index.xml",
                        "/blog/feed.xml",
                        "/feed/",
                        "/atom.xml",
                        "/rss.xml",
                        "/index.xml");
    }

    @Test
    void saysWhereItLookedWhenThereIsNoFeed() {
        site.html("/", SiteServer.page("<link rel='alternate' type='application/rss+xml' href='/rss'>", ""))
                .html("/rss", SiteServer.page("", "no feed here"));

        var nothing = (Discovery.NotFound) finder.find(site.url("/"));

        assertThat(nothing.reason())
                .isEqualTo("no feed found at " + site.url("/") + ": it is not a feed, announces none that works,"
                        + " links to nothing that looks like one, and there is none at feed/, atom.xml, rss.xml,"
                        + " index.xml, feed.xml beside it or at the site's root");
    }

    @Test
    void withoutASchemeHttpIsReadWhenHttpsFails() {
        site.feed("/feed.xml", SiteServer.atom("Plain HTTP"));

        // This server speaks no TLS: the https attempt waits out the fetcher's time limit.
        Discovery found;
        try (var quick = new HttpFetcher(FetchSettings.defaults().withTimeout(Duration.ofSeconds(3)))) {
            found = new FeedFinder(quick, false).find(site.hostAndPort() + "/feed.xml");
        }

        assertThat(((Discovery.Found) found).feeds()).singleElement().satisfies(f -> {
            assertThat(f.uri()).hasToString(site.url("/feed.xml"));
            assertThat(f.title()).contains("Plain HTTP");
        });
        assertThat(((Discovery.Found) found).notes())
                .singleElement()
                .asString()
                .startsWith("https://" + site.hostAndPort() + "/feed.xml: ")
                .endsWith("; read " + site.url("/feed.xml") + " instead");
    }

    @Test
    void aFeedThatMovedForGoodIsFoundAtItsNewUrlAndOneMovedForNowAtItsOwn() {
        site.html(
                        "/",
                        SiteServer.page(
                                "<link rel='alternate' type='application/atom+xml' href='/old'>"
                                        + "<link rel='alternate' type='application/atom+xml' href='/today'>",
                                ""))
                .redirect("/old", 301, "/new")
                .feed("/new", SiteServer.atom("Moved"))
                .redirect("/today", 302, "/cdn/feed")
                .feed("/cdn/feed", SiteServer.atom("Mirrored"));

        var found = (Discovery.Found) finder.find(site.url("/"));

        assertThat(found.feeds())
                .extracting(f -> f.uri().toString())
                .containsExactly(site.url("/new"), site.url("/today"));
    }

    @Test
    void aServerThatDoesNotAnswerIsSaidSo() {
        String url = site.url("/feed.xml");
        site.close();

        var nothing = (Discovery.NotFound) finder.find(url);

        assertThat(nothing.reason()).startsWith(url + ": ");
    }

    @Test
    void theUsualPathsOfAPageAtTheRootAreAskedOnce() {
        assertThat(FeedFinder.usualPaths(URI.create("https://example.org/")))
                .extracting(URI::toString)
                .containsExactly(
                        "https://example.org/feed/",
                        "https://example.org/atom.xml",
                        "https://example.org/rss.xml",
                        "https://example.org/index.xml",
                        "https://example.org/feed.xml");
    }

    @Test
    void aPublicPageCannotLeadDiscoveryToAPrivateAddress() {
        site.feed("/feed.xml", SiteServer.atom("Intranet"));
        String page = SiteServer.page(
                "<link rel='alternate' type='application/atom+xml' href='" + site.url("/feed.xml") + "'>", "");
        // A public site's page, served from memory (no test reaches the internet); the rest is loopback.
        Fetcher publicPage = new Fetcher() {
            @Override
            public FetchResult fetch(URI uri, Validators validators, boolean privateAllowed) {
                if (!uri.getHost().equals("public.example")) {
                    return fetcher.fetch(uri, validators, privateAllowed);
                }
                return uri.getPath().equals("/")
                        ? new FetchResult.Fetched(
                                page.getBytes(StandardCharsets.UTF_8),
                                Optional.empty(),
                                uri,
                                Validators.NONE,
                                OptionalInt.of(200))
                        : new FetchResult.Failed("HTTP 404 Not Found", OptionalInt.of(404));
            }

            @Override
            public void close() {}
        };

        var refused = new FeedFinder(publicPage, false).find("https://public.example/");
        var allowed = new FeedFinder(publicPage, true).find("https://public.example/");

        assertThat(refused).isInstanceOfSatisfying(Discovery.NotFound.class, nothing -> assertThat(nothing.reason())
                .startsWith("no feed found at https://public.example/"));
        assertThat(allowed).isInstanceOfSatisfying(Discovery.Found.class, found -> assertThat(found.feeds())
                .extracting(f -> f.uri().toString())
                .containsExactly(site.url("/feed.xml")));
        assertThat(site.requests()).containsExactly("/feed.xml");
    }
}
