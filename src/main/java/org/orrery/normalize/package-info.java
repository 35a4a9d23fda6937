/**
 * A parsed entry to a stored one: identity decided (id, else link, else a hash), bodies
 * sanitised with URLs made absolute, titles made plain text. Pure.
 */
package org.orrery.normalize;
