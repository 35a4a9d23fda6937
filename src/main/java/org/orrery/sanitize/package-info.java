/**
 * Untrusted HTML from feeds to HTML safe to publish on the planet's own domain: an allow-list
 * (jsoup {@code Cleaner}) between two passes of our own, one before (drop what is code, recover
 * lazy images, vet iframes, unwrap noscript) and one after (resolve and check every URL and
 * srcset candidate, reduce style to a safe subset, add rel, loading and controls). Also
 * plain-text extraction for titles and names, and excerpts. Pure; docs/sanitizing.md states the
 * policy for planet maintainers.
 */
package org.orrery.sanitize;
