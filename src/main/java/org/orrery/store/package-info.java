/**
 * Where a planet's state lives: subscriptions with their fetch state, and every entry seen.
 * SQLite by default (WAL, one writer), schema by numbered Flyway migrations. Each refresh
 * of a subscription is saved in one transaction; {@link org.orrery.store.Store#river} reads
 * back what the site publishes.
 */
package org.orrery.store;
