package org.orrery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.fetch.FetchSettings;
import org.orrery.fetch.HttpFetcher;
import org.orrery.store.JdbcStore;

/**
 * Venus's stripAd filters read the markup as the feed wrote it, as Venus's scripts read
 * feedparser's output: Yahoo's ad comments and AdSense image maps, which the sanitiser removes,
 * are still there for them, and what they leave is published sanitised.
 */
class PlanetAdFiltersTest {
    private static final String YAHOO_AD =
            "<p><!-- begin(Yahoo ad) --><a href=\"http://ads.example/click\">Buy now</a><!-- end(Yahoo ad) --></p>";
    private static final String GOOGLE_AD =
            "<p><map name=\"google_ad_map_1\"><area href=\"http://ads.example/g\"></map>"
                    + "<img usemap=\"#google_ad_map_1\" src=\"http://ads.example/ad.png\"></p>";
    private static final String FEED =
            """
            <rss version="2.0"><channel><title>Ads</title><link>http://blog.example/</link>
            <item><title>Post</title><guid>http://blog.example/1</guid><pubDate>Sat, 28 Feb 2026 10:00:00 GMT</pubDate>
            <description>%s</description></item></channel></rss>
            """
                    .formatted(escape("<p>The post itself.</p><script>alert(1)</script>" + YAHOO_AD + GOOGLE_AD));

    @TempDir
    Path dir;

    final MockWebServer server = new MockWebServer();

    private static String escape(String html) {
        return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).body(FEED).build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String publishedWith(String filters) throws Exception {
        Path config = Files.writeString(
                dir.resolve("config.ini"),
                "[Planet]\nname = Ads\ncache_directory = %s\noutput_dir = %s\nfilters = %s\n\n[http://127.0.0.1:%d/feed]\nname = A\n"
                        .formatted(dir.resolve("cache"), dir.resolve("output"), filters, server.getPort()));
        try (var fetcher = new HttpFetcher(FetchSettings.defaults().withTimeout(Duration.ofSeconds(5)));
                var store = JdbcStore.openSqlite(dir.resolve("cache/orrery.db"))) {
            var planet = new Planet(
                    ConfigLoader.load(List.of(config), dir),
                    fetcher,
                    store,
                    InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z")));
            planet.refresh();
            planet.publish();
        }
        return Files.readString(dir.resolve("output/index.html"));
    }

    @Test
    void yahooAndGoogleAdsAreStrippedFromTheFeedsOwnMarkup() throws Exception {
        String page = publishedWith("stripAd/yahoo.sed stripAd/google_ad_map.sed");

        assertThat(page).contains("The post itself.").doesNotContain("Buy now").doesNotContain("ads.example");
        assertThat(page)
                .as("what the filters leave is sanitised when published")
                .doesNotContain("alert(1)");
    }

    @Test
    void withoutTheFiltersTheAdsArePublishedSanitised() throws Exception {
        String page = publishedWith("minhead.py");

        assertThat(page).contains("The post itself.", "Buy now").doesNotContain("alert(1)", "<!--");
    }
}
