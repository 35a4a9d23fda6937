/**
 * Atom 1.0 (RFC 4287) and Atom 0.3 with its drafts: a streaming reader into format-shaped values,
 * and an adapter from those onto {@link org.orrery.parse.ParsedFeed}.
 */
package org.orrery.parse.atom;
