/**
 * When each feed is fetched next. {@link org.orrery.schedule.Schedule} is where a
 * subscription's fetching stands between two refreshes (its due time and where it moved, as
 * the store keeps it); {@link org.orrery.schedule.NextSchedule} turns a refresh's outcome into
 * the next one: freshness lifetimes (max-age), Retry-After, backoff after failures, never again
 * once gone, and permanent redirects trusted after a few in a row. Pure: time comes in as
 * arguments, randomness (jitter) as an injected generator.
 */
package org.orrery.schedule;
