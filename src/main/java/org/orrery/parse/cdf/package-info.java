/**
 * Microsoft's Channel Definition Format (CDF, W3C NOTE-CDFsubmit-19970309), the push channels of
 * 1997 that some sites still serve: a {@code CHANNEL} of {@code ITEM}s, mapped onto {@link
 * org.orrery.parse.ParsedFeed}.
 */
package org.orrery.parse.cdf;
