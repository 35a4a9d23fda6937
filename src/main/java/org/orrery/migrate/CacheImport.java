package org.orrery.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.orrery.config.PlanetConfig;
import org.orrery.model.Subscription;
import org.orrery.store.Store;

/** Imports the cache of the planet Orrery replaces, Planet Venus's or Planet 2.0's, whichever it is. */
public final class CacheImport {
    private CacheImport() {}

    /**
     * Imports the cache in {@code directory}: Planet 2.0's when it holds Berkeley DB hash files,
     * else Venus's.
     *
     * @param subscriptions the planet's subscriptions: the config's, then those of its reading lists
     *     (entries of other feeds are left out)
     * @param workingDirectory what the config's relative paths were resolved against
     * @throws UnreadableCache when the directory is not a cache Orrery can read
     * @throws IOException when the directory cannot be listed
     */
    public static ImportReport run(
            PlanetConfig config, List<Subscription> subscriptions, Store store, Path workingDirectory, Path directory)
            throws UnreadableCache, IOException {
        if (!Files.isDirectory(directory)) {
            throw new UnreadableCache(
                    directory + ": " + (Files.exists(directory) ? "not a directory" : "no such directory"));
        }
        Optional<Path> database = Planet2Cache.firstDatabase(directory);
        if (database.isEmpty()) {
            return new VenusImport(config, subscriptions, store, workingDirectory).run(directory);
        }
        String kind = Planet2Cache.kind(database.get()).orElseThrow();
        if (!kind.equals(Planet2Cache.HASH)) {
            throw new UnreadableCache(Planet2Cache.refusal(directory, database.get(), kind));
        }
        return new Planet2Import(config, subscriptions, store).run(directory);
    }
}
