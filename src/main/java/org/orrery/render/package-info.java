/**
 * A {@link org.orrery.model.River} to the published site: {@link org.orrery.render.SitePages}
 * cuts it into the front page, numbered pages and monthly archives; theme templates (Pebble,
 * or a planet's htmltmpl) render them and the planet's feeds; {@link
 * org.orrery.render.SiteWriter} replaces the output directory's files one by one. Dates follow
 * Python strftime patterns in the planet's locale.
 */
package org.orrery.render;
