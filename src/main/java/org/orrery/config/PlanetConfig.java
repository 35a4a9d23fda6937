package org.orrery.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.orrery.model.Subscription;

/**
 * A planet as its config files declare it, every option resolved to a value.
 *
 * @param sources the config files read, in order
 * @param name the planet's name ({@code name}, default "Unconfigured Planet")
 * @param link URL of the planet's main page ({@code link}, default empty)
 * @param ownerName {@code owner_name}, default "Anonymous Coward"
 * @param ownerEmail {@code owner_email}, default empty
 * @param cacheDirectory {@code cache_directory} (default {@code cache}), where the database
 *     lives; relative paths resolved against the working directory, as Venus does
 * @param outputDir {@code output_dir} (default {@code output}), resolved the same way
 * @param itemsPerPage {@code items_per_page}, default 60
 * @param dateFormat Python strftime pattern for entry times ({@code date_format}, default
 *     {@code %B %d, %Y %I:%M %p})
 * @param newDateFormat Python strftime pattern for day headings ({@code new_date_format},
 *     default {@code %B %d, %Y})
 * @param feedTimeout {@code feed_timeout} in seconds, default 20
 * @param zone Orrery's {@code time_zone}: where times are shown and days split, default UTC
 * @param templateFiles {@code template_files}, as written
 * @param planetOptions every option of {@code [Planet]} (keys lower-case), for templates
 * @param subscriptions the subscription sections in file order
 * @param warnings what the config says that Orrery does not understand or ignores
 */
public record PlanetConfig(
        List<Path> sources,
        String name,
        String link,
        String ownerName,
        String ownerEmail,
        Path cacheDirectory,
        Path outputDir,
        int itemsPerPage,
        String dateFormat,
        String newDateFormat,
        Duration feedTimeout,
        ZoneId zone,
        List<String> templateFiles,
        Map<String, String> planetOptions,
        List<Subscription> subscriptions,
        List<String> warnings) {
    public PlanetConfig {
        sources = List.copyOf(sources);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(dateFormat, "dateFormat");
        Objects.requireNonNull(newDateFormat, "newDateFormat");
        Objects.requireNonNull(feedTimeout, "feedTimeout");
        Objects.requireNonNull(zone, "zone");
        templateFiles = List.copyOf(templateFiles);
        planetOptions = Map.copyOf(planetOptions);
        subscriptions = List.copyOf(subscriptions);
        warnings = List.copyOf(warnings);
    }

    /**
     * Venus's lookup for a per-subscription option: the subscription's section (with {@code
     * [DEFAULT]}), then {@code [Planet]}; empty when neither sets it.
     */
    public Optional<String> option(Subscription subscription, String key) {
        return subscription.option(key).or(() -> Optional.ofNullable(planetOptions.get(key)));
    }
}
