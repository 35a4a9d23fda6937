package org.orrery.store;

import java.nio.file.Path;

/** {@link JdbcStoreVenusExpungeTest} on PostgreSQL ({@link TestPostgres}). */
class JdbcStoreVenusExpungePostgresTest extends JdbcStoreVenusExpungeTest {
    @Override
    JdbcStore open(Path databaseFile) {
        return TestPostgres.open(databaseFile);
    }
}
