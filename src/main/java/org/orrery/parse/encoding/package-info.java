/** A feed's bytes to text, whole or as they arrive: byte order marks, declared charsets and the XML declaration. */
package org.orrery.parse.encoding;
