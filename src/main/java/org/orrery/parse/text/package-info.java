/** Text as feeds carry it turned into the plain text and HTML our records promise. */
package org.orrery.parse.text;
