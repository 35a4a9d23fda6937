/**
 * RSS 0.9x and 2.0 ({@code <rss>}) and RSS 1.0 / 0.90 ({@code <rdf:RDF>}) with the modules feeds
 * use (Dublin Core, content, Atom, Media RSS, iTunes): a streaming reader into format-shaped
 * values, and an adapter from those onto {@link org.orrery.parse.ParsedFeed}.
 */
package org.orrery.parse.rss;
