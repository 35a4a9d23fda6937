/**
 * Streaming XML plumbing shared by the XML feed formats: a cursor over a StAX reader that
 * tracks {@code xml:base} and {@code xml:lang}, reads text and serialises inline markup.
 */
package org.orrery.parse.xml;
