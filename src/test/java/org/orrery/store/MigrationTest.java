package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.model.Validators;
import org.orrery.schedule.Schedule;
import org.sqlite.SQLiteDataSource;

/** A database written by an earlier Orrery opens with its subscriptions' state intact. */
class MigrationTest {
    @TempDir
    Path dir;

    @Test
    void aVersion1DatabaseKeepsItsValidatorsAndStartsWithNoSchedule() {
        Path file = dir.resolve("orrery.db");
        SQLiteDataSource v1 = new SQLiteDataSource();
        v1.setUrl("jdbc:sqlite:" + file);
        Flyway.configure()
                .dataSource(v1)
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        Jdbi.create(v1)
                .useHandle(h -> h.execute("INSERT INTO subscription (url, etag, error_count, last_error, http_status)"
                        + " VALUES ('https://example.org/feed', '\"v1\"', 2, 'HTTP 500 Internal Server Error', 500)"));

        try (JdbcStore store = JdbcStore.openSqlite(file)) {
            URI feed = URI.create("https://example.org/feed");
            FeedState state = store.state(feed);
            assertThat(state.validators()).isEqualTo(new Validators(Optional.of("\"v1\""), Optional.empty()));
            assertThat(state.errorCount()).isEqualTo(2);
            assertThat(state.gone()).isFalse();
            assertThat(state.schedule()).isEqualTo(Schedule.NONE);
            assertThat(store.health(List.of(feed)).getFirst().lastError()).contains("HTTP 500 Internal Server Error");
        }
    }

    /** A current database opens without Flyway; the version that decides it follows the files. */
    @Test
    void theSchemaVersionIsTheNewestMigration() throws Exception {
        int newest;
        try (var files = java.util.stream.Stream.concat(
                java.nio.file.Files.list(Path.of("src/main/resources/db/migration")),
                java.nio.file.Files.list(Path.of("src/main/java/org/orrery/store")))) {
            newest = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.(sql|java)"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max()
                    .orElseThrow();
        }
        assertThat(SqliteDatabase.SCHEMA_VERSION).isEqualTo(newest);

        Path file = dir.resolve("orrery.db");
        JdbcStore.openSqlite(file).close();
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        List<String> applied = Jdbi.create(source)
                .withHandle(h -> h.createQuery("SELECT version FROM flyway_schema_history WHERE success = 1")
                        .mapTo(String.class)
                        .list());
        assertThat(applied).contains(String.valueOf(newest));
        try (JdbcStore again = JdbcStore.openSqlite(file)) {
            assertThat(again.changeCount()).isNotNegative();
        }
    }
}
