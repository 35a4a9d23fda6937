package org.orrery.render;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Publishes rendered files into the output directory so that readers and web servers never
 * see a half-written site: every file is first written into a staging directory inside the
 * output directory (so on the same file system), then moved over its old version with an
 * atomic rename. Files whose bytes did not change are left alone, so their modification time
 * and a web server's ETag stay stable. Other files in the output directory are not touched.
 */
public final class SiteWriter {
    private static final String STAGING = ".orrery-staging";

    /** Whether this writer has removed what an interrupted publish left in a staging directory. */
    private boolean staleCleared;

    /**
     * Writes {@code files} (relative path to bytes) into {@code outputDir}, creating it. Several
     * threads may publish through one writer at once (pages are rendered in parallel); each
     * call stages its files in a directory of its own.
     *
     * @return how many files were written (the rest were unchanged)
     */
    public int publish(Map<String, byte[]> files, Path outputDir) throws PublishException {
        Path root = outputDir.resolve(STAGING);
        Path staging = null;
        try {
            staging = stagingDirectory(outputDir, root);
            int written = 0;
            for (var file : files.entrySet()) {
                Path target = outputDir.resolve(file.getKey()).normalize();
                if (!target.startsWith(outputDir.normalize())) {
                    throw new IllegalArgumentException("file outside the output directory: " + file.getKey());
                }
                if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), file.getValue())) {
                    continue;
                }
                // Flat: no directories to make and remove again for every page.
                Path staged = staging.resolve(written + "-" + target.getFileName());
                Files.write(staged, file.getValue());
                Files.createDirectories(target.getParent());
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                written++;
            }
            return written;
        } catch (AccessDeniedException e) {
            throw new PublishException(
                    "cannot write the site into " + outputDir + ": permission denied on " + e.getFile(), e);
        } catch (FileAlreadyExistsException | NoSuchFileException e) {
            throw new PublishException(
                    "cannot write the site into " + outputDir + ": " + e.getFile() + " is in the way", e);
        } catch (IOException e) {
            // The reason as the system gave it ("No space left on device", "...: Read-only file system").
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new PublishException("cannot write the site into " + outputDir + ": " + reason, e);
        } finally {
            removeStaging(root, staging);
        }
    }

    /** A new staging directory under {@code root}, after clearing what an interrupted publish left. */
    private synchronized Path stagingDirectory(Path outputDir, Path root) throws IOException {
        Files.createDirectories(outputDir);
        if (!staleCleared) {
            deleteTree(root);
            staleCleared = true;
        }
        Files.createDirectories(root);
        return Files.createTempDirectory(root, "publish-");
    }

    /** Removes {@code staging}, and {@code root} when no other publish is using it. */
    private synchronized void removeStaging(Path root, Path staging) {
        try {
            if (staging != null) {
                deleteTree(staging);
            }
            Files.deleteIfExists(root);
        } catch (DirectoryNotEmptyException e) {
            // Another thread is still publishing; the last one removes it.
        } catch (IOException e) {
            // Left for the next publish to clear; the site itself is complete.
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
