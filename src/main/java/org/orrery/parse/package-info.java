/**
 * Feed documents to values: bytes (plus the URL they came from and any declared charset) in,
 * a {@link org.orrery.parse.ParsedFeed} out. Pure: no network, disk or clock. One subpackage
 * per format family; shared helpers for dates and text live here.
 */
package org.orrery.parse;
