/**
 * Moving a planet's history from Planet Venus: its cache directory (one Atom entry per file, with
 * the {@code planet:} metadata Venus adds, and a copy of each feed's metadata in {@code sources/})
 * read and added to the store under the config's subscriptions. Takes a cache directory, a config
 * and a store; gives an {@link org.orrery.migrate.ImportReport}.
 */
package org.orrery.migrate;
