package org.orrery.refresh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.orrery.config.PlanetConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What went wrong with the reading lists on the last refresh, one line per list, kept in {@code
 * reading-lists.txt} in the cache directory so that {@code orrery status} and a later {@code
 * build} report what the run reported.
 */
public final class ReadingListProblems {
    private static final Logger log = LoggerFactory.getLogger(ReadingListProblems.class);

    private ReadingListProblems() {}

    static Path file(PlanetConfig config) {
        return config.cacheDirectory().resolve("reading-lists.txt");
    }

    /** The problems the last refresh recorded; empty when no refresh recorded any (or none ran). */
    public static Optional<List<String>> read(PlanetConfig config) {
        try {
            return Optional.of(Files.readAllLines(file(config), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // The report then shows what the stored lists say; the run itself is not at stake.
            log.warn("cannot read {}: {}", file(config), e.toString());
            return Optional.empty();
        }
    }

    /** Records this refresh's problems, replacing the last ones. */
    public static void write(PlanetConfig config, List<String> problems) {
        Path file = file(config);
        try {
            if (problems.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Path temporary = Files.createTempFile(config.cacheDirectory(), "reading-lists", ".tmp");
            Files.write(
                    temporary, problems.stream().map(p -> p.replace('\n', ' ')).toList(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The run reports the problems itself; only a later status would miss them.
            log.warn("cannot record the reading lists' problems in {}: {}", file, e.toString());
        }
    }
}
