/**
 * Feed documents to values: bytes (plus the URL they came from and any declared charset) in,
 * a {@link org.orrery.parse.ParsedFeed} out, through {@link org.orrery.parse.FeedParser}. Pure:
 * no network, disk or clock. One subpackage per format family ({@code rss}, {@code atom},
 * {@code jsonfeed}, {@code cdf}), with the shared pieces beside them: {@code encoding} (bytes to
 * text), {@code xml} (streaming, xml:base, the lenient re-read of broken XML), {@code text},
 * {@code dates}. A broken document yields what was readable plus warnings; only a document with
 * nothing usable is a {@link org.orrery.parse.FeedParseException}.
 */
package org.orrery.parse;
