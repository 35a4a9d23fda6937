/**
 * Feed documents to values: bytes (plus the URL they came from and any declared charset) in,
 * a {@link org.orrery.parse.ParsedFeed} out, through {@link org.orrery.parse.FeedParser}. Pure:
 * no network, disk or clock. One subpackage per format family ({@code rss}, {@code atom}), with
 * the shared pieces beside them: {@code xml} (streaming, xml:base), {@code text}, {@code dates}.
 */
package org.orrery.parse;
