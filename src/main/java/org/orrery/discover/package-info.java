/**
 * Finding a site's feed: a URL as a person types it (with or without a scheme) in, the feeds
 * found for it out, each fetched with the planet's {@link org.orrery.fetch.Fetcher} and read
 * by its {@link org.orrery.parse.FeedParser} before it is offered. Looks at the URL itself,
 * then the feeds its page announces, then the page's links that look like feeds, then the
 * usual feed paths. Touches the network.
 */
package org.orrery.discover;
