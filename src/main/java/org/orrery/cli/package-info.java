/** The {@code orrery} command line: picocli commands over {@link org.orrery.Planet}. */
package org.orrery.cli;
