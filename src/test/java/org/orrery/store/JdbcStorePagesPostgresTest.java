package org.orrery.store;

import java.nio.file.Path;

/** {@link JdbcStorePagesTest} on PostgreSQL ({@link TestPostgres}). */
class JdbcStorePagesPostgresTest extends JdbcStorePagesTest {
    @Override
    JdbcStore open(Path databaseFile) {
        return TestPostgres.open(databaseFile);
    }
}
