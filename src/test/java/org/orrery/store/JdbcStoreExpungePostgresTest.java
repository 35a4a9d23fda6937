package org.orrery.store;

import java.nio.file.Path;

/** {@link JdbcStoreExpungeTest} on PostgreSQL ({@link TestPostgres}). */
class JdbcStoreExpungePostgresTest extends JdbcStoreExpungeTest {
    @Override
    JdbcStore open(Path databaseFile) {
        return TestPostgres.open(databaseFile);
    }
}
