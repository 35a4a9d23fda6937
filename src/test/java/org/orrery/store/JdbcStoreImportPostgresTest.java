package org.orrery.store;

import java.nio.file.Path;

/** {@link JdbcStoreImportTest} on PostgreSQL ({@link TestPostgres}). */
class JdbcStoreImportPostgresTest extends JdbcStoreImportTest {
    @Override
    JdbcStore open(Path databaseFile) {
        return TestPostgres.open(databaseFile);
    }
}
