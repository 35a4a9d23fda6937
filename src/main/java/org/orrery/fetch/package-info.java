/**
 * Getting feed bytes: a {@link org.orrery.model.Subscription}'s URL plus the validators stored
 * from last time in, a {@link org.orrery.fetch.FetchResult} out. Conditional GET,
 * decompression, timeouts and the {@code file:} scheme live here. Touches the network.
 */
package org.orrery.fetch;
