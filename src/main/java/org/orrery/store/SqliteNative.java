package org.orrery.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;
import org.sqlite.util.OSInfo;

/**
 * SQLite's native library, extracted once beside the database instead of on every start.
 * sqlite-jdbc copies it out of its jar into the temporary directory each time a JVM opens a
 * database and compares the copy byte by byte, about a tenth of a second of a run. Here the
 * copy made by the first run is kept (in {@code native/} of the cache directory, named by
 * sqlite-jdbc's version and the platform) and sqlite-jdbc is pointed at it. Anything unusual
 * (the library already chosen with {@code org.sqlite.lib.path}, no library for this platform in
 * the jar, a directory that cannot be written) leaves sqlite-jdbc to do as it always does.
 */
final class SqliteNative {
    private static final Logger log = LoggerFactory.getLogger(SqliteNative.class);
    private static final AtomicBoolean DECIDED = new AtomicBoolean();

    private SqliteNative() {}

    /** Before the first database of this JVM is opened: keeps or makes the copy in {@code directory}. */
    static void useCopyIn(Path directory) {
        if (!DECIDED.compareAndSet(false, true) || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        copyIn(directory).ifPresent(library -> {
            System.setProperty("org.sqlite.lib.path", library.getParent().toString());
            System.setProperty("org.sqlite.lib.name", library.getFileName().toString());
        });
    }

    /**
     * The library for this platform in a folder of {@code directory} named by sqlite-jdbc's
     * version and the platform, copied out of the jar unless an earlier run did; empty when the
     * jar has none for this platform or the copy cannot be made.
     */
    static Optional<Path> copyIn(Path directory) {
        String name = LibraryLoaderUtil.getNativeLibName();
        // Asked once: the answer runs `uname`, and LibraryLoaderUtil.getNativeLibResourcePath
        // would ask again. Its resource path is the jar's native folder and this.
        String platform = OSInfo.getNativeLibFolderPathForCurrentOS();
        String resource = "/org/sqlite/native/" + platform + "/" + name;
        Path folder =
                directory.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + platform.replace('/', '-'));
        Path library = folder.resolve(name);
        try {
            if (!Files.isRegularFile(library)) {
                try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        return Optional.empty();
                    }
                    Files.createDirectories(folder);
                    // Written whole under another name, then renamed: a run that starts meanwhile
                    // finds no library or the complete one, never half of one.
                    Path partial = Files.createTempFile(folder, name, ".partial");
                    try {
                        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                        Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        Files.deleteIfExists(partial);
                    }
                }
            }
        } catch (IOException e) {
            // sqlite-jdbc extracts its own copy, as without this; only the start is slower.
            log.debug("keeping SQLite's native library in {} failed: {}", folder, e.toString());
            return Optional.empty();
        }
        return Optional.of(library);
    }
}
