/**
 * Planet Venus / Planet 2.0 {@code config.ini} files to values: a ConfigParser-compatible
 * reader and the resolution of every option (subscription section, then {@code [Planet]},
 * then the built-in default) into a {@link org.orrery.config.PlanetConfig}.
 */
package org.orrery.config;
