/** A feed's bytes to text: byte order marks, declared charsets and the XML declaration. */
package org.orrery.parse.encoding;
