/**
 * Getting feed bytes: a {@link org.orrery.model.Subscription}'s URL plus the validators stored
 * from last time in, a {@link org.orrery.fetch.FetchResult} out, with every redirect hop and
 * the server's scheduling hints (max-age, Retry-After). Conditional GET, decompression,
 * timeouts, size limits, the private-address guard and the {@code file:} scheme live here; {@link
 * org.orrery.schedule.NextSchedule} turns outcomes into due times. Touches the network.
 */
package org.orrery.fetch;
