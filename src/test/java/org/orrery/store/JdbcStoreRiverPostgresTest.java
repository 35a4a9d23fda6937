package org.orrery.store;

import java.nio.file.Path;

/** {@link JdbcStoreRiverTest} on PostgreSQL ({@link TestPostgres}). */
class JdbcStoreRiverPostgresTest extends JdbcStoreRiverTest {
    @Override
    JdbcStore open(Path databaseFile) {
        return TestPostgres.open(databaseFile);
    }
}
