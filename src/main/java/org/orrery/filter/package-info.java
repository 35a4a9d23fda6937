/**
 * Which entries a planet keeps and how it rewrites them: Venus's filters and sifters, pure
 * functions of an entry and the subscription's options. {@link org.orrery.filter.EntryFilters}
 * is the entry point; each entry comes out as a {@link org.orrery.filter.Verdict}.
 */
package org.orrery.filter;
