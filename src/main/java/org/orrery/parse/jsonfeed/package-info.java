/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1): read with Jackson's streaming parser
 * and mapped onto {@link org.orrery.parse.ParsedFeed}.
 */
package org.orrery.parse.jsonfeed;
