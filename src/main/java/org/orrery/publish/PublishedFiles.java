package org.orrery.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The list of files publishing wrote into {@code output_dir} (a manifest in the cache
 * directory), so that the next publishing removes those it no longer produces: numbered pages
 * and monthly archives past the end of a shorter river, which would otherwise stay on disk with
 * expunged posts. Only files in the list are removed, never a maintainer's own; the list names
 * its output directory, and a list of another directory removes nothing.
 */
final class PublishedFiles {
    private static final Logger log = LoggerFactory.getLogger(PublishedFiles.class);
    private static final String HEADER = "# files Orrery published into ";

    private final Path manifest;
    private final Path outputDir;

    PublishedFiles(Path manifest, Path outputDir) {
        this.manifest = manifest;
        this.outputDir = outputDir.toAbsolutePath().normalize();
    }

    /** Removes the files the last publishing wrote that {@code produced} leaves out, then records {@code produced}. */
    void replace(Set<String> produced) {
        for (String name : previous()) {
            if (!produced.contains(name)) {
                remove(name);
            }
        }
        var text = new StringBuilder(HEADER).append(outputDir).append('\n');
        new TreeSet<>(produced).forEach(name -> text.append(name).append('\n'));
        try {
            Files.writeString(manifest, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Only costs leaving the next publishing's leftovers on disk, as before.
            log.warn("cannot write {}: {}", manifest, e.toString());
        }
    }

    private List<String> previous() {
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(); // never published, or unreadable: nothing known to remove
        }
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER + outputDir)) {
            return List.of();
        }
        return new ArrayList<>(lines.subList(1, lines.size()));
    }

    private void remove(String name) {
        Path file = outputDir.resolve(name).normalize();
        if (name.isBlank() || !file.startsWith(outputDir) || !Files.isRegularFile(file)) {
            return;
        }
        try {
            Files.delete(file);
            // Directories left empty (page/7/, archive/2016/03/) go too, up to the output directory.
            for (Path dir = file.getParent(); !dir.equals(outputDir); dir = dir.getParent()) {
                Files.delete(dir);
            }
        } catch (DirectoryNotEmptyException e) {
            // Still holds other files: stays.
        } catch (IOException e) {
            log.warn("cannot remove {}, no longer published: {}", file, e.toString());
        }
    }
}
