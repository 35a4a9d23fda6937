package org.orrery.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/**
 * A Planet Venus cache directory: a file per entry (named after the entry's id, dated by Venus
 * with the entry's {@code updated}), and in {@code sources/} a copy of each feed's metadata named
 * after the feed's URL. Subdirectories ({@code sources/}, {@code index/}) hold no entries.
 */
final class VenusCache {
    /** The files Orrery keeps in a cache directory, which may be Venus's own. */
    private static final Set<String> ORRERY_FILES = Set.of(
            "orrery.db",
            "orrery.db-wal",
            "orrery.db-shm",
            "orrery.db-journal",
            "orrery.lock",
            "published.sha256",
            "published-files.txt",
            "reading-lists.txt");

    /** One file of the cache, with the time Venus gave it. */
    record EntryFile(Path path, FileTime modified) {
        String name() {
            return path.getFileName().toString();
        }
    }

    private final Path directory;

    private VenusCache(Path directory) {
        this.directory = directory;
    }

    /**
     * The cache in {@code directory}.
     *
     * @throws UnreadableCache when it is not a directory
     */
    static VenusCache open(Path directory) throws UnreadableCache {
        if (!Files.isDirectory(directory)) {
            throw new UnreadableCache(
                    directory + ": " + (Files.exists(directory) ? "not a directory" : "no such directory"));
        }
        return new VenusCache(directory);
    }

    /**
     * The entry files, in the order Venus's splice reads them: newest first by the time Venus gave
     * the file, then by name, last first. Orrery's own files and hidden files are left out.
     */
    List<EntryFile> entryFiles() throws IOException {
        List<EntryFile> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path path : (Iterable<Path>) listing::iterator) {
                String name = path.getFileName().toString();
                if (name.startsWith(".") || ORRERY_FILES.contains(name)) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(path, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue; // removed while listed
                }
                if (attributes.isRegularFile()) {
                    files.add(new EntryFile(path, attributes.lastModifiedTime()));
                }
            }
        }
        files.sort(Comparator.comparing(EntryFile::modified)
                .thenComparing(EntryFile::name)
                .reversed());
        return files;
    }

    /**
     * Venus's {@code sources/} copy of the feed its config named {@code written} (the section name
     * as written), when it has one that can be read.
     */
    Optional<SourceCopy> source(String written) {
        Path file = directory.resolve("sources").resolve(VenusNames.of(written));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            Element root = VenusXml.parse(bytes).getDocumentElement();
            return VenusXml.ATOM.equals(root.getNamespaceURI())
                            && root.getLocalName().equals("feed")
                    ? Optional.of(new SourceCopy(VenusSource.of(root), bytes))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A {@code sources/} copy: what Venus says of the feed, and the document itself (an Atom feed
     * without entries, which Orrery's parser reads as it reads the feed's own metadata).
     */
    record SourceCopy(VenusSource source, byte[] document) {}

    /** The first bytes of {@code file}, at most {@code n}. */
    static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }
}
