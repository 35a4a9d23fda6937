/**
 * XML plumbing shared by the XML feed formats: a cursor over a StAX reader that tracks {@code
 * xml:base} and {@code xml:lang}, reads text and serialises inline markup; and {@link
 * org.orrery.parse.xml.LenientXml}, which rebuilds a document that is not well-formed so the
 * same cursor can read it.
 */
package org.orrery.parse.xml;
