/**
 * Untrusted HTML from feeds to HTML safe to publish on the planet's own domain: the body is
 * parsed once (jsoup, HTML5 rules) and written once by {@code SafeWriter}, which keeps only what
 * the allow-list ({@code Policy}) allows, drops what is code with its content, recovers lazy
 * images, vets iframes, unwraps noscript, resolves and checks every URL and srcset candidate,
 * reduces style to a safe subset and adds rel, loading and controls. Also plain-text extraction
 * for titles and names, and Orrery's one HTML escaper ({@code Escape}). Pure; docs/sanitizing.md
 * states the policy for planet maintainers.
 */
package org.orrery.sanitize;
