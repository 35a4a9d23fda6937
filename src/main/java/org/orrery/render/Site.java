package org.orrery.render;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The planet-wide settings a theme needs: names, links and how dates are written.
 *
 * @param link URL of the planet's main page; empty when the config gives none
 * @param generator Orrery's name and version, which feeds and pages announce as their generator
 *     unless {@code generatorUri} is set
 * @param zone the zone in which times are shown and days are split
 * @param encoding the charset of the HTML and XML files, as {@code encoding} names it (checked
 *     when the config was read)
 * @param generatorUri {@code generator_uri} when set: the generator feeds and pages announce, as
 *     in Venus
 * @param feed {@code feed} when set: the URL of the planet's own feed, else its {@code atom.xml}
 * @param planetOptions every {@code [Planet]} option as written: Venus makes each a template
 *     variable, so a theme may use options Orrery does not know; Orrery reads the fields above
 * @param readerPages {@code reader_pages}: whether the default theme's pages per feed, per
 *     category, of people and of search are published and linked to
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
        String encoding,
        Optional<String> generatorUri,
        Optional<String> feed,
        Map<String, String> planetOptions,
        boolean readerPages) {

    /** A site with the reader pages, as the default {@code reader_pages = yes} has it. */
    public Site(
            String name,
            String link,
            String ownerName,
            String ownerEmail,
            String generator,
            Strftime dateFormat,
            Strftime newDateFormat,
            ZoneId zone,
            String encoding,
            Optional<String> generatorUri,
            Optional<String> feed,
            Map<String, String> planetOptions) {
        this(
                name,
                link,
                ownerName,
                ownerEmail,
                generator,
                dateFormat,
                newDateFormat,
                zone,
                encoding,
                generatorUri,
                feed,
                planetOptions,
                true);
    }

    public Site {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(dateFormat, "dateFormat");
        Objects.requireNonNull(newDateFormat, "newDateFormat");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(generatorUri, "generatorUri");
        Objects.requireNonNull(feed, "feed");
        planetOptions = Map.copyOf(planetOptions);
    }

    /** The same site with its HTML and XML files in {@code encoding}. */
    public Site withEncoding(String encoding) {
        return new Site(
                name,
                link,
                ownerName,
                ownerEmail,
                generator,
                dateFormat,
                newDateFormat,
                zone,
                encoding,
                generatorUri,
                feed,
                planetOptions,
                readerPages);
    }
}
