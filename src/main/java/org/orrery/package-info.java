/**
 * Orrery, a Planet: {@link org.orrery.Planet} shows the whole pipeline (fetch, parse,
 * normalise, store, render) on one screen; each stage is a subpackage.
 */
package org.orrery;
