/**
 * Moving a planet's history from the planet Orrery replaces: Planet Venus's cache (one Atom entry
 * per file, with the {@code planet:} metadata Venus adds, and a copy of each feed's metadata in
 * {@code sources/}) or Planet 2.0's (a Berkeley DB hash file per feed), read and added to the store
 * under the config's subscriptions. Takes a cache directory, a config and a store; gives an {@link
 * org.orrery.migrate.ImportReport}.
 */
package org.orrery.migrate;
