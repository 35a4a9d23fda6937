package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orrery.store.StoreFixtures.FEED;
import static org.orrery.store.StoreFixtures.T0;
import static org.orrery.store.StoreFixtures.entry;
import static org.orrery.store.StoreFixtures.fetched;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** {@link JdbcStoreTest} on PostgreSQL ({@link TestPostgres}). */
class JdbcStorePostgresTest extends JdbcStoreTest {
    @Override
    JdbcStore open(Path databaseFile) {
        return TestPostgres.open(databaseFile);
    }

    @Override
    @Test
    @Disabled("a SQLite file's directory; the PostgreSQL form is failsWithContextWhenTheServerCannotBeReached")
    void failsWithContextWhenTheFileCannotBeCreated() {}

    @Test
    void failsWithContextWhenTheServerCannotBeReachedAndHidesThePassword() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String database = "postgresql://127.0.0.1:" + closedPort + "/planet?user=orrery&password=s3cret";

        assertThatThrownBy(() -> JdbcStore.openPostgresql(database))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith(
                        "store: opening postgresql://127.0.0.1:" + closedPort + "/planet?user=orrery&password=***: ")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theConfiguredDatabaseIsOpenedInsteadOfTheCacheFile() throws Exception {
        Path cacheFile = dir.resolve("cache/orrery.db");
        String database = TestPostgres.url(dir.resolve("configured"));
        try (var configured = JdbcStore.open(Optional.of(database), cacheFile)) {
            configured.save(fetched(FEED, T0, entry("a", "A")));
        }
        assertThat(cacheFile).doesNotExist();
        try (var again = JdbcStore.openPostgresql(database)) {
            assertThat(again.firstSeen(FEED)).containsOnlyKeys("a");
        }
        try (var unset = JdbcStore.open(Optional.empty(), cacheFile)) {
            assertThat(unset.firstSeen(FEED)).isEmpty();
        }
        assertThat(cacheFile).exists();
        assertThatThrownBy(() -> JdbcStore.open(Optional.of("mysql://db/planet"), cacheFile))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not a PostgreSQL URL");
    }

    @Override
    void refuse(String name, String event, String table, String column, String value, String message)
            throws SQLException {
        try (var sql = DriverManager.getConnection("jdbc:" + TestPostgres.url(dir.resolve("nested/planet.db")));
                var statement = sql.createStatement()) {
            statement.execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."
                    + column + " = '" + value + "' THEN RAISE EXCEPTION '" + message + "'; END IF; RETURN NEW; END $$");
            statement.execute("CREATE TRIGGER " + name + " BEFORE " + event + " ON " + table
                    + " FOR EACH ROW EXECUTE FUNCTION " + name + "()");
        }
    }
}
