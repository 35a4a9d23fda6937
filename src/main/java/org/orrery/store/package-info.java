/**
 * Where a planet's state lives: subscriptions with their fetch state, and every entry seen.
 * SQLite by default (WAL, one writer), schema by numbered Flyway migrations. Each refresh
 * of a subscription is saved in one transaction; {@link org.orrery.store.Store#river} reads
 * back what the site publishes. {@link org.orrery.store.Store} is the entry point; {@link
 * org.orrery.store.JdbcStore} hands each job to a class of its own: opening and migrating
 * ({@code SqliteDatabase}), saving refreshes in group commits ({@code WriteConnection}, {@code
 * RefreshRecorder}), reading the river ({@code RiverQuery}), fetch state and health ({@code
 * HealthQuery}), expiry ({@code Expunger}), renamed subscriptions ({@code Renames}).
 *
 * <p>Plain SQL, written out (the kind SQLite and PostgreSQL share), run through JDBI: named
 * parameters, list binding and row mappers keep each query beside its mapping, with one
 * exception type ({@code JdbiException}) to wrap at the edge. The one exception is {@code
 * WriterStatements}: the two hot batches of a refresh (a first run's new entries, a run's 304s)
 * are bound through JDBC itself on statements prepared once, because JDBI's binding was measured
 * to be most of their cost. That class throws JDBI's exception too, so the rest of the package
 * sees one way to talk to the database.
 */
package org.orrery.store;
