package org.orrery.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;
import org.orrery.render.Theme;
import org.orrery.sanitize.HtmlSanitizer;
import org.orrery.store.JdbcStore;
import org.orrery.store.Refresh;
import org.sqlite.SQLiteDataSource;

/** Bodies are sanitised when published, once: kept in the store's cache, and taken from it next time. */
class PublishedBodiesTest {
    private static final URI FEED = URI.create("https://blog.example.org/feed.xml");
    private static final Instant NOW = Instant.parse("2024-06-30T12:00:00Z");
    private static final Publisher.Health HEALTHY = new Publisher.Health(
            Map.of(),
            "{}".getBytes(StandardCharsets.UTF_8),
            new org.orrery.render.HealthPage.Report(java.time.Instant.EPOCH, List.of(), List.of()));

    @TempDir
    Path dir;

    private PlanetConfig config(String options) throws Exception {
        Path config = Files.writeString(
                dir.resolve("config.ini"), "[Planet]\nname = Planet Test\n" + options + "\n[" + FEED + "]\nname = A\n");
        return ConfigLoader.load(List.of(config), dir);
    }

    private static List<Entry> entries(int n) {
        var entries = new ArrayList<Entry>();
        for (int i = 0; i < n; i++) {
            entries.add(new Entry(
                    "e" + i,
                    "Entry " + i,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(NOW.minusSeconds(3_600L * i)),
                    Optional.empty(),
                    "<p onclick=\"x()\">Body " + i + " <iframe src=\"https://video.example.net/embed/" + i
                            + "\"></iframe><img src=\"pic.png\"></p>",
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    Optional.of(URI.create("https://blog.example.org/2024/"))));
        }
        return entries;
    }

    private Publisher.BodyCounts publish(PlanetConfig config, JdbcStore store) throws Exception {
        var publisher = new Publisher(config, store, InstantSource.fixed(NOW), Publisher.site(config));
        publisher.publish(config.subscriptions(), HEALTHY, Theme.DEFAULT);
        return publisher.lastBodies();
    }

    @Test
    void aBodyIsSanitisedOnceAndTakenFromTheStoreAfter() throws Exception {
        PlanetConfig config = config("");
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            store.save(
                    new Refresh.Fetched(FEED, NOW, Validators.NONE, OptionalInt.of(200), FeedInfo.UNKNOWN, entries(5)));

            var first = publish(config, store);
            String page = Files.readString(dir.resolve("output/index.html"));
            var second = publish(config, store);

            // The front page and the feeds show the same five bodies: each is sanitised once.
            assertThat(first.sanitised()).isEqualTo(5);
            assertThat(second.sanitised()).isZero();
            assertThat(second.reused()).isGreaterThanOrEqualTo(5);
            assertThat(Files.readString(dir.resolve("output/index.html"))).isEqualTo(page);
            assertThat(page).doesNotContain("onclick").contains("https://blog.example.org/2024/pic.png");
        }
    }

    @Test
    void anotherSanitiserPolicySanitisesAgain() throws Exception {
        try (var store = JdbcStore.openSqlite(config("").databaseFile())) {
            store.save(
                    new Refresh.Fetched(FEED, NOW, Validators.NONE, OptionalInt.of(200), FeedInfo.UNKNOWN, entries(3)));
            publish(config(""), store);
            assertThat(Files.readString(dir.resolve("output/index.html"))).doesNotContain("<iframe");

            var again = publish(config("iframe_hosts = video.example.net"), store);

            assertThat(again.sanitised()).isEqualTo(3);
            assertThat(Files.readString(dir.resolve("output/index.html"))).contains("<iframe");
        }
    }

    /**
     * A database as an older version left it (schema 9): bodies stored sanitised. Sanitised again
     * under the current policy (version 2), they are published as they were, and no entry is lost.
     */
    @Test
    void bodiesStoredSanitisedBeforeArePublishedAsTheyWere() throws Exception {
        PlanetConfig config = config("");
        Path database = config.databaseFile();
        Files.createDirectories(database.getParent());
        var source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + database);
        Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/migration")
                .target("9")
                .load()
                .migrate();
        var sanitizer = new HtmlSanitizer();
        List<String> stored = new ArrayList<>();
        Jdbi.create(source).useHandle(h -> {
            h.execute("INSERT INTO subscription (id, url, title) VALUES (1, ?, 'A')", FEED.toString());
            for (int i = 0; i < 4; i++) {
                String html = sanitizer.sanitize(
                        "<p>Stored " + i + " <a href=\"/about\">about</a> <img src=\"x.png\"></p>",
                        URI.create("https://blog.example.org/"));
                stored.add(html);
                h.execute(
                        "INSERT INTO entry (subscription_id, entry_key, title, published, first_seen, content_html)"
                                + " VALUES (1, ?, ?, ?, ?, ?)",
                        "e" + i,
                        "Entry " + i,
                        NOW.minusSeconds(3_600L * i).toEpochMilli(),
                        NOW.toEpochMilli(),
                        html);
            }
        });

        try (var store = JdbcStore.openSqlite(database)) {
            var counts = publish(config, store);

            assertThat(counts.sanitised()).isEqualTo(4);
            var articles = Jsoup.parse(dir.resolve("output/index.html")).select(".e-content");
            assertThat(articles.eachAttr("class")).hasSize(4);
            for (int i = 0; i < 4; i++) {
                assertThat(articles.get(i).html())
                        .isEqualTo(Jsoup.parse(stored.get(i)).body().html());
            }
        }
    }
}
