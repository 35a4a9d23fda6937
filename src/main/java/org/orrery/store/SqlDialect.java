package org.orrery.store;

/**
 * The database a {@link JdbcStore} writes to, where its SQL differs. Most of the store's SQL
 * reads the same on both ({@code INSERT ... ON CONFLICT}, window functions, generated columns);
 * the schemas differ in their migrations, and the few statements here.
 */
enum SqlDialect {
    /** SQLite, the embedded default: one file, one writer. */
    SQLITE,
    /** PostgreSQL, for a store shared by several processes. */
    POSTGRESQL;

    /**
     * Whether a statement that fails leaves its transaction usable, having undone only itself.
     * SQLite's does; PostgreSQL aborts the whole transaction unless the statement ran under a
     * savepoint.
     */
    boolean statementFailureKeepsTransaction() {
        return this == SQLITE;
    }
}
