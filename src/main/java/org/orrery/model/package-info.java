/** The shared nouns of Orrery: values that cross from one pipeline stage to the next. */
package org.orrery.model;
