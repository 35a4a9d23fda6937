package org.orrery.store;

import java.nio.file.Path;

/** {@link ChangedDaysTest} on PostgreSQL ({@link TestPostgres}). */
class ChangedDaysPostgresTest extends ChangedDaysTest {
    @Override
    JdbcStore open(Path databaseFile) {
        return TestPostgres.open(databaseFile);
    }
}
