/**
 * Planet 2.0 / Venus htmltmpl themes ({@code *.html.tmpl}, {@code *.xml.tmpl}) rendered as
 * they are: {@code TMPL_VAR} (with {@code ESCAPE}), {@code TMPL_IF}, {@code TMPL_UNLESS},
 * {@code TMPL_ELSE}, {@code TMPL_LOOP} and {@code TMPL_INCLUDE}, so a planet keeps its look on
 * the day it moves to Orrery. Pure: templates come from a loader.
 */
package org.orrery.render.htmltmpl;
