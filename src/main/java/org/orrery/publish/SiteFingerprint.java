package org.orrery.publish;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.orrery.config.PlanetConfig;
import org.orrery.model.Sha256;
import org.orrery.model.Subscription;
import org.orrery.model.Version;
import org.orrery.render.Theme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A digest of everything a published site is made of but the time: Orrery's version, the
 * store's change count, the output directory, the config and theme files, the subscriptions and
 * their health messages. Kept beside the database after publishing ({@code published.sha256}),
 * so that a run that changed none of these writes no page.
 */
public final class SiteFingerprint {
    private static final Logger log = LoggerFactory.getLogger(SiteFingerprint.class);

    private final PlanetConfig config;
    private final String digest;

    private SiteFingerprint(PlanetConfig config, String digest) {
        this.config = config;
        this.digest = digest;
    }

    /** @param storeChanges the store's {@code changeCount()}: any entry or feed saved changes it */
    public static SiteFingerprint of(
            PlanetConfig config,
            long storeChanges,
            Theme theme,
            List<Subscription> subscriptions,
            Map<URI, String> messages) {
        var text = new StringBuilder(looks(config, theme)).append('\n');
        text.append("store ").append(storeChanges).append('\n');
        for (Subscription subscription : subscriptions) {
            text.append("subscription ").append(subscription.feedUri()).append('\n');
        }
        new TreeMap<>(messages).forEach((uri, message) -> text.append("message ")
                .append(uri)
                .append(' ')
                .append(message)
                .append('\n'));
        return new SiteFingerprint(config, Sha256.hex(text.toString()));
    }

    /**
     * A digest of what decides how the stored entries look when published, whatever they are:
     * Orrery's version, the output directory, the config and theme files.
     */
    static String looks(PlanetConfig config, Theme theme) {
        var text = new StringBuilder("Orrery ").append(Version.get()).append('\n');
        text.append("output ").append(config.outputDir().toAbsolutePath()).append('\n');
        for (Path file : config.sources()) {
            text.append("config ").append(fileStamp(file)).append('\n');
        }
        for (Path file : theme.files()) {
            text.append("theme ").append(fileStamp(file)).append('\n');
        }
        return Sha256.hex(text.toString());
    }

    /** Whether the site in {@code output_dir} is this one: its front page is there and was published with this fingerprint. */
    public boolean published() {
        return Files.isRegularFile(config.outputDir().resolve("index.html"))
                && remembered().filter(digest::equals).isPresent();
    }

    /** Records that the site published is this one. */
    public void remember() {
        try {
            Files.writeString(file(), digest + "\n");
        } catch (IOException e) {
            // Only costs a full publish next time.
            log.warn("cannot write {}: {}", file(), e.getMessage());
        }
    }

    private Optional<String> remembered() {
        try {
            return Optional.of(Files.readString(file()).strip());
        } catch (IOException e) {
            return Optional.empty(); // never published, or unreadable: publish
        }
    }

    private Path file() {
        return config.cacheDirectory().resolve("published.sha256");
    }

    private static String fileStamp(Path file) {
        try {
            return file.toAbsolutePath() + " " + Files.size(file) + " "
                    + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return file.toAbsolutePath() + " unreadable";
        }
    }
}
