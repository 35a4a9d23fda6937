package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.store.StoreFixtures.FEED;
import static org.orrery.store.StoreFixtures.T0;
import static org.orrery.store.StoreFixtures.entry;
import static org.orrery.store.StoreFixtures.hours;
import static org.orrery.store.StoreFixtures.sub;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.EntryDetails;
import org.orrery.model.FeedCredits;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;
import org.sqlite.SQLiteDataSource;

/** What feeds say beyond the river's columns (migration V11), kept for Venus's template variables. */
class JdbcStoreDetailsTest {
    @TempDir
    Path dir;

    /** The store the tests run on, in {@code databaseFile}: SQLite here; a subclass runs them on another. */
    JdbcStore open(Path databaseFile) {
        return JdbcStore.openSqlite(databaseFile);
    }

    private static FeedInfo feed(Optional<Instant> updated) {
        return new FeedInfo(
                Optional.of("Feed title"),
                Optional.of(URI.create("https://example.org/")),
                Optional.of("tag:example.org,2026:feed"),
                Optional.of("snarky phrase"),
                Optional.of("John Doe"),
                updated,
                Optional.of("en-us"),
                new FeedCredits(
                        Optional.of(URI.create("https://example.org/favicon.ico")),
                        Optional.of(URI.create("https://example.org/logo.png")),
                        Optional.of("© 2026 John Doe"),
                        Optional.of("Example Generator 1.0")));
    }

    private static Refresh.Fetched fetched(Instant at, FeedInfo feed, Entry entry) {
        return new Refresh.Fetched(FEED, at, Validators.NONE, OptionalInt.of(200), feed, List.of(entry));
    }

    @Test
    void entryAndFeedDetailsAreReadBackWithTheRiver() {
        var details = new EntryDetails(
                Optional.of("john@example.com"),
                Optional.of("https://example.org/~john/"),
                Optional.of("de"),
                Optional.of("© 2026"));
        Entry entry = entry("a", "A").withDates(Optional.of(T0), Optional.empty());
        entry = new Entry(
                entry.key(),
                entry.title(),
                entry.link(),
                entry.author(),
                entry.published(),
                entry.updated(),
                entry.contentHtml(),
                entry.summaryHtml(),
                entry.categories(),
                entry.enclosures(),
                entry.base(),
                details);
        try (JdbcStore store = open(dir.resolve("orrery.db"))) {
            store.save(fetched(T0, feed(Optional.of(Instant.parse("2004-02-29T02:14:55Z"))), entry));

            var river = store.river(List.of(sub(FEED)), 10);

            assertThat(river.posts().getFirst().entry().details()).isEqualTo(details);
            Channel channel = river.channels().getFirst();
            assertThat(channel.feed()).isEqualTo(feed(Optional.of(Instant.parse("2004-02-29T02:14:55Z"))));
        }
    }

    /** Many feeds write the time they were requested as their own: that alone is no change of the site. */
    @Test
    void aFeedsUpdatedTimeAloneIsNoChangeButItsOtherDetailsAre() {
        Entry entry = entry("a", "A");
        try (JdbcStore store = open(dir.resolve("orrery.db"))) {
            store.save(fetched(T0, feed(Optional.of(T0)), entry));
            long before = store.changeCount();

            store.save(fetched(hours(1), feed(Optional.of(hours(1))), entry));
            assertThat(store.changeCount()).isEqualTo(before);

            var renamed = feed(Optional.of(hours(2)));
            renamed = new FeedInfo(
                    renamed.title(),
                    renamed.siteLink(),
                    renamed.id(),
                    Optional.of("a new subtitle"),
                    renamed.author(),
                    renamed.updated(),
                    renamed.language(),
                    renamed.credits());
            store.save(fetched(hours(2), renamed, entry));
            assertThat(store.changeCount()).isGreaterThan(before);

            long renamedCount = store.changeCount();
            var relogoed = new FeedInfo(
                    renamed.title(),
                    renamed.siteLink(),
                    renamed.id(),
                    renamed.subtitle(),
                    renamed.author(),
                    renamed.updated(),
                    renamed.language(),
                    new FeedCredits(
                            renamed.credits().icon(),
                            Optional.of(URI.create("https://example.org/new-logo.png")),
                            renamed.credits().rights(),
                            renamed.credits().generator()));
            store.save(fetched(hours(3), relogoed, entry));
            assertThat(store.changeCount())
                    .as("a new logo is a change of the site")
                    .isGreaterThan(renamedCount);
        }
    }

    @Test
    void aVersion10DatabaseReadsItsEntriesWithNoDetails() {
        Path file = dir.resolve("orrery.db");
        SQLiteDataSource v10 = new SQLiteDataSource();
        v10.setUrl("jdbc:sqlite:" + file);
        Flyway.configure()
                .dataSource(v10)
                .locations("classpath:db/migration")
                .javaMigrations(new V10__raw_bodies())
                .target("10")
                .load()
                .migrate();
        Jdbi.create(v10).useHandle(h -> {
            h.execute(
                    "INSERT INTO subscription (id, url, title, site_url) VALUES (1, ?, 'Old', 'https://example.org/')",
                    FEED.toString());
            h.execute("INSERT INTO entry (subscription_id, entry_key, title, published, first_seen, content_html)"
                    + " VALUES (1, 'old', 'Old entry', 0, 0, '<p>old</p>')");
        });

        try (JdbcStore store = JdbcStore.openSqlite(file)) {
            var river = store.river(List.of(sub(FEED)), 10);

            assertThat(river.posts()).singleElement().satisfies(post -> {
                assertThat(post.entry().title()).isEqualTo("Old entry");
                assertThat(post.entry().details()).isEqualTo(EntryDetails.NONE);
            });
            assertThat(river.channels().getFirst().feed())
                    .isEqualTo(new FeedInfo(Optional.of("Old"), Optional.of(URI.create("https://example.org/"))));
        }
    }
}
