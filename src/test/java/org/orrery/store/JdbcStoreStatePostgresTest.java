package org.orrery.store;

import java.nio.file.Path;

/** {@link JdbcStoreStateTest} on PostgreSQL ({@link TestPostgres}). */
class JdbcStoreStatePostgresTest extends JdbcStoreStateTest {
    @Override
    JdbcStore open(Path databaseFile) {
        return TestPostgres.open(databaseFile);
    }
}
