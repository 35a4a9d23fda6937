package org.orrery.store;

import java.nio.file.Path;

/** {@link JdbcStoreVenusSpliceTest} on PostgreSQL ({@link TestPostgres}). */
class JdbcStoreVenusSplicePostgresTest extends JdbcStoreVenusSpliceTest {
    @Override
    JdbcStore open(Path databaseFile) {
        return TestPostgres.open(databaseFile);
    }
}
