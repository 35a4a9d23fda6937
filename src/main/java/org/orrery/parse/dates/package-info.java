/** The dates feeds write (RFC 822 and its variants, RFC 3339 / W3CDTF) read into instants. */
package org.orrery.parse.dates;
