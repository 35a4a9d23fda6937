/**
 * Untrusted HTML from feeds to HTML safe to publish on the planet's own domain: an
 * allow-list (jsoup {@code Cleaner}) plus our own pass that makes every URL absolute. Also
 * plain-text extraction for titles and names. Pure.
 */
package org.orrery.sanitize;
