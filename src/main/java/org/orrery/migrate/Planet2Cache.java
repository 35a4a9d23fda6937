package org.orrery.migrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Recognises Planet 2.0's cache: a database file per feed written by Python 2's {@code dbhash}
 * (Berkeley DB's hash format) holding pickled Python values, which Orrery does not read.
 */
final class Planet2Cache {
    // Berkeley DB's metadata page has its magic number at offset 12, in the writer's byte order.
    private static final int BDB_HASH = 0x061561;
    private static final int BDB_BTREE = 0x053162;
    // GNU dbm's files start with theirs (anydbm's choice where Berkeley DB was missing).
    private static final int[] GDBM = {0x13579ace, 0x13579acd, 0x13579acf};

    private Planet2Cache() {}

    /** The kind of database {@code file} is, when it is one of those Python 2's dbm modules write. */
    static Optional<String> kind(Path file) throws IOException {
        byte[] head = VenusCache.head(file, 16);
        if (head.length >= 16) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                int magic = ByteBuffer.wrap(head, 12, 4).order(order).getInt();
                if (magic == BDB_HASH || magic == BDB_BTREE) {
                    return Optional.of("Berkeley DB");
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
        return directory + " is a Planet 2.0 cache (" + file.getFileName() + " is a " + kind
                + " file of pickled Python values), which Orrery cannot read; import reads Planet Venus's cache"
                + " (one Atom file per entry). Run 'orrery run' with the same config: it starts from what each"
                + " feed carries now. Keep the old planet's pages if its older entries must stay online.";
    }
}
