package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;
import org.orrery.store.JdbcStore;
import org.orrery.store.Refresh;
import org.orrery.store.TestPostgres;

class MigrateStoreCommandTest {
    private static final URI FEED = URI.create("https://example.org/feed");

    @TempDir
    Path dir;

    @Test
    void movesThePlanetsSqliteStoreIntoPostgresqlWhichTheDatabaseOptionThenOpens() throws Exception {
        Path cache = dir.resolve("cache");
        Path config = Files.writeString(
                dir.resolve("config.ini"),
                "[Planet]\ncache_directory = " + cache + "\n\n[" + FEED + "]\nname = Feed\n");
        var entry = new Entry(
                "post-1",
                "First post",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "<p>Hello</p>",
                Optional.empty(),
                List.of(),
                List.of());
        try (var sqlite = JdbcStore.openSqlite(cache.resolve("orrery.db"))) {
            sqlite.save(new Refresh.Fetched(
                    FEED,
                    Instant.parse("2026-01-01T00:00:00Z"),
                    new Validators(Optional.of("\"v1\""), Optional.empty()),
                    OptionalInt.of(200),
                    FeedInfo.UNKNOWN,
                    List.of(entry)));
        }
        String database = TestPostgres.url(dir.resolve("planet"));

        CliRun migrated = CliRun.of("migrate-store", config.toString(), "--to", database);

        assertThat(migrated.status()).as(migrated.err()).isZero();
        assertThat(migrated.out()).contains("copied 1 subscriptions, 1 entries");
        Path onPostgres = Files.writeString(
                dir.resolve("postgres.ini"),
                "[Planet]\ncache_directory = " + dir.resolve("elsewhere") + "\ndatabase = " + database + "\n\n[" + FEED
                        + "]\nname = Feed\n");
        CliRun status = CliRun.of("status", "--json", onPostgres.toString());
        assertThat(status.status()).as(status.err()).isZero();
        assertThat(status.out()).contains(FEED.toString()).contains("\"ok\"");
        assertThat(dir.resolve("elsewhere/orrery.db")).doesNotExist();

        CliRun again = CliRun.of("migrate-store", config.toString(), "--to", database);
        assertThat(again.status()).isEqualTo(Main.EXIT_CANT_CREATE);
        assertThat(again.err()).contains("not empty");
    }
}
