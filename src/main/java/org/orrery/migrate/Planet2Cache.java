package org.orrery.migrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Recognises Planet 2.0's cache: a database file per feed written by Python 2's {@code dbhash}
 * (Berkeley DB's hash format), and the other database formats Python 2 wrote, which Orrery does
 * not read.
 */
final class Planet2Cache {
    // Berkeley DB's metadata page has its magic number at offset 12, in the writer's byte order.
    private static final int BDB_HASH = 0x061561;
    private static final int BDB_BTREE = 0x053162;
    // GNU dbm's files start with theirs (anydbm's choice where Berkeley DB was missing).
    private static final int[] GDBM = {0x13579ace, 0x13579acd, 0x13579acf};

    /** What Planet 2.0 wrote, and Orrery reads. */
    static final String HASH = "Berkeley DB hash";

    private Planet2Cache() {}

    /** The database kind of the first file of {@code directory} that is a database, if any. */
    static Optional<Path> firstDatabase(Path directory) throws IOException {
        try (var files = java.nio.file.Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                if (java.nio.file.Files.isRegularFile(file) && kind(file).isPresent()) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /** The kind of database {@code file} is, when it is one of those Python 2's dbm modules write. */
    static Optional<String> kind(Path file) throws IOException {
        byte[] head = VenusCache.head(file, 16);
        if (head.length >= 16) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                int magic = ByteBuffer.wrap(head, 12, 4).order(order).getInt();
                if (magic == BDB_HASH) {
                    return Optional.of(HASH);
                }
                if (magic == BDB_BTREE) {
                    return Optional.of("Berkeley DB btree");
                }
            }
        }
        if (head.length >= 4) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                int magic = ByteBuffer.wrap(head, 0, 4).order(order).getInt();
                for (int gdbm : GDBM) {
                    if (magic == gdbm) {
                        return Optional.of("GNU dbm");
                    }
                }
            }
        }
        return Optional.empty();
    }

    static String refusal(Path directory, Path file, String kind) {
        return directory + " holds database files (" + file.getFileName() + " is a " + kind + " file), which"
                + " Orrery cannot read: it imports Planet Venus's cache (one Atom file per entry) and Planet 2.0's"
                + " (a Berkeley DB hash file per feed, as Python 2's dbhash wrote them). Run 'orrery run' with the"
                + " same config: it starts from what each feed carries now.";
    }
}
