/**
 * A {@link org.orrery.model.River} to the published site: Pebble theme templates render
 * {@code index.html}, {@code atom.xml} and {@code rss20.xml} into a staging directory that
 * then replaces the output directory's files. Dates follow Python strftime patterns.
 */
package org.orrery.render;
