/** Text as feeds carry it turned into the plain text our records promise. */
package org.orrery.parse.text;
