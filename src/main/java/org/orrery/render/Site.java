package org.orrery.render;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * The planet-wide settings a theme needs: names, links and how dates are written.
 *
 * @param link URL of the planet's main page; empty when the config gives none
 * @param generator the generator's name and version, as feeds and pages announce it
 * @param zone the zone in which times are shown and days are split
 * @param planetOptions every {@code [Planet]} option, passed to templates as Venus does
 */
public record Site(
        String name,
        String link,
        String ownerName,
        String ownerEmail,
        String generator,
        Strftime dateFormat,
        Strftime newDateFormat,
        ZoneId zone,
        Map<String, String> planetOptions) {

    public Site {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(dateFormat, "dateFormat");
        Objects.requireNonNull(newDateFormat, "newDateFormat");
        Objects.requireNonNull(zone, "zone");
        planetOptions = Map.copyOf(planetOptions);
    }
}
