package org.orrery.store;

import java.nio.file.Path;

/** {@link JdbcStoreRenameTest} on PostgreSQL ({@link TestPostgres}). */
class JdbcStoreRenamePostgresTest extends JdbcStoreRenameTest {
    @Override
    JdbcStore open(Path databaseFile) {
        return TestPostgres.open(databaseFile);
    }
}
